package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

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
    long seed = scope.seed("mask");
    Operand<TFloat32> noise = tf.random.randomUniform(tf.shape(input), TFloat32.class,
        RandomUniform.seed(seed >>> 33), RandomUniform.seed2(seed & 0x7fffffffL));
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(keep, noise));
    return tf.math.div(tf.math.mul(input, mask), keep);
  }
}
