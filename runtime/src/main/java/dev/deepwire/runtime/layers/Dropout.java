package dev.deepwire.runtime.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Inverted dropout: while training keeps each element with probability {@code 1 - rate} and scales it by
 * {@code 1 / (1 - rate)}; at inference the output equals the input.
 *
 * <p>Input shape: any; output shape: the input's.
 */
public final class Dropout {

  private final double rate;

  public Dropout(double rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    this.rate = rate;
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    if (rate == 0) {
      return input;
    }
    Ops tf = scope.tf();
    // keep = 1 - rate while training, 1 otherwise; floor(keep + u) is then 1 with probability keep.
    Operand<TFloat32> keep =
        tf.math.sub(tf.constant(1f), tf.math.mul(tf.constant((float) rate), scope.training()));
    // Stateless and keyed by (layer, step): the same step always draws the same mask, so resumed runs
    // repeat the uninterrupted run exactly.
    Operand<TInt64> seed = tf.stack(List.of(tf.constant(scope.seed("mask")), scope.step()));
    Operand<TFloat32> noise = tf.random.statelessRandomUniform(tf.shape(input), seed, TFloat32.class);
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(keep, noise));
    return tf.math.div(tf.math.mul(input, mask), keep);
  }
}
