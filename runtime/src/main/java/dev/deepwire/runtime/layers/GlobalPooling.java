package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The maximum or mean over all spatial positions, channel by channel.
 *
 * <p>Input shape {@code [batch, d1, ..., dn, channels]} with {@code n >= 1}; output shape
 * {@code [batch, channels]}.
 */
public final class GlobalPooling {

  private final Pooling.Kind kind;

  public GlobalPooling(Pooling.Kind kind) {
    this.kind = kind;
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    int n = Spatial.rank(kind == Pooling.Kind.MAX ? "GlobalMaxPool" : "GlobalAvgPool", scope, input, 1, 8);
    int[] axes = new int[n];
    for (int i = 0; i < n; i++) {
      axes[i] = i + 1;
    }
    Ops tf = scope.tf();
    return kind == Pooling.Kind.MAX
        ? tf.max(input, tf.constant(axes))
        : tf.math.mean(input, tf.constant(axes));
  }
}
