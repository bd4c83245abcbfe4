package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Additive Gaussian noise for denoising autoencoders: {@code x + training * stddev * N(0, 1)}, so exactly
 * the input at inference.
 *
 * <p>Input shape: any; output shape: the input's.
 */
public final class GaussianNoise {

  private final double stddev;

  public GaussianNoise(double stddev) {
    if (!(stddev > 0)) {
      throw new IllegalArgumentException("noise stddev must be > 0, got " + stddev);
    }
    this.stddev = stddev;
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    Ops tf = scope.tf();
    Operand<TFloat32> scale = tf.math.mul(tf.constant((float) stddev), scope.training());
    return tf.math.add(input, tf.math.mul(scale, StatelessNoise.normal(scope, "noise", input)));
  }
}
