package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Masking noise for denoising autoencoders: while training each element is zeroed with probability
 * {@code rate} and the rest pass unscaled (a corrupted image, not dropout); at inference the input as is.
 *
 * <p>Input shape: any; output shape: the input's.
 */
public final class MaskingNoise {

  private final double rate;

  public MaskingNoise(double rate) {
    if (!(rate > 0 && rate < 1)) {
      throw new IllegalArgumentException("masking noise rate must be in (0, 1), got " + rate);
    }
    this.rate = rate;
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    Ops tf = scope.tf();
    // keep = 1 - rate while training and 1 at inference; floor(keep + u), u in [0, 1), is 1 with probability keep.
    Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), tf.math.mul(tf.constant((float) rate), scope.training()));
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(keep, StatelessNoise.uniform(scope, "mask", input)));
    return tf.math.mul(input, mask);
  }
}
