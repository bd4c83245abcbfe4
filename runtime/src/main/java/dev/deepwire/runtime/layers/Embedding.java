package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A lookup table from token ids to vectors: {@code [batch, time]} ids (fed as floats, cast to int32) to
 * {@code [batch, time, dimension]}; weight {@code embeddings [vocabulary, dimension]}, uniform in ±0.05.
 *
 * <p>With {@code maskZero}, id 0 is padding: the layer records a {@code [batch, time]} mask that recurrent
 * layers honour (so real tokens use ids 1 .. vocabulary − 1).
 */
public final class Embedding {

  private final int vocabulary;
  private final int dimension;
  private final boolean maskZero;

  /** A table of {@code vocabulary} rows of {@code dimension}. */
  public Embedding(int vocabulary, int dimension, boolean maskZero) {
    this.vocabulary = Recurrent.requirePositive("vocabulary", vocabulary);
    this.dimension = Recurrent.requirePositive("dimension", dimension);
    this.maskZero = maskZero;
  }

  /** Builds the lookup on {@code ids}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> ids) {
    if (ids.shape().numDimensions() != 2) {
      throw new IllegalArgumentException(
          "Embedding '" + scope.path() + "' needs token ids [batch, time], got " + ids.shape());
    }
    Ops tf = scope.tf();
    Operand<TFloat32> embeddings = table(scope, vocabulary, dimension);
    Operand<TInt32> index = tf.dtypes.cast(ids, TInt32.class);
    Operand<TFloat32> out = tf.gather(embeddings, index, tf.constant(0));
    if (maskZero) {
      scope.recordMask(out, tf.dtypes.cast(tf.math.notEqual(index, tf.constant(0)), TFloat32.class));
    }
    return out;
  }

  /**
   * The table of the embedding layer whose scope is {@code scope}: created on first use, the same variable
   * afterwards, so an output layer tied to it ({@link MaskedLmHead}) shares the embedding's one weight.
   */
  public static Operand<TFloat32> table(LayerScope scope, int vocabulary, int dimension) {
    Shape table = Shape.of(vocabulary, dimension);
    return scope.weight("embeddings", table, RecurrentInit.uniform(table, 0.05));
  }
}
