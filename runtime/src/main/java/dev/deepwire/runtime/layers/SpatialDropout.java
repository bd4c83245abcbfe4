package dev.deepwire.runtime.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Channel dropout: while training keeps each channel of each example with probability {@code 1 - rate}, at all
 * its spatial positions at once, and scales it by {@code 1 / (1 - rate)}; at inference the output equals the
 * input.
 *
 * <p>Input shape {@code [batch, d1, ..., dn, channels]}; output shape: the input's.
 */
public final class SpatialDropout {

  private final double rate;

  public SpatialDropout(double rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("spatial dropout rate must be in [0, 1), got " + rate);
    }
    this.rate = rate;
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    int n = Spatial.rank("SpatialDropout", scope, input, 1, 8);
    if (rate == 0) {
      return input;
    }
    Ops tf = scope.tf();
    Operand<TFloat32> keep =
        tf.math.sub(tf.constant(1f), tf.math.mul(tf.constant((float) rate), scope.training()));
    // Noise shape [batch, 1, ..., 1, channels]: one draw per example and channel.
    int[] middle = new int[n + 1];
    java.util.Arrays.fill(middle, 1);
    middle[n] = (int) input.shape().get(n + 1);
    Operand<TInt32> batch = tf.slice(tf.shape(input), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TInt32> noiseShape = tf.concat(List.of(batch, tf.constant(middle)), tf.constant(0));
    // Stateless and keyed by (layer, step), as Dropout: a resumed run draws the masks of the uninterrupted one.
    Operand<TInt64> seed = tf.stack(List.of(tf.constant(scope.seed("mask")), scope.step()));
    Operand<TFloat32> noise = tf.random.statelessRandomUniform(noiseShape, seed, TFloat32.class);
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(keep, noise));
    return tf.math.div(tf.math.mul(input, mask), keep);
  }
}
