package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Marks an autoencoder's code in the graph: the layer its {@code @Encoder} part ends in and its
 * {@code @Decoder} part starts from. The runtime fetches the marked tensor to encode and feeds it to decode.
 */
public final class Codes {

  /** The name of the marked tensor's op in a model's graph; the dot keeps it apart from layer scopes. */
  public static final String OP_NAME = "autoencoder.code";

  private Codes() {}

  /**
   * Returns {@code code}, marked when {@code scope} is the model's root (a sub-model's code stays internal to
   * the model using it).
   */
  public static Operand<TFloat32> mark(LayerScope scope, Operand<TFloat32> code) {
    return scope.path().isEmpty() ? scope.tf().withName(OP_NAME).identity(code) : code;
  }
}
