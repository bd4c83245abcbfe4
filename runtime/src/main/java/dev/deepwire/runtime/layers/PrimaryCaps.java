package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Primary capsules: a VALID convolution with {@code channels * dimension} filters, regrouped into
 * {@code [batch, height * width * channels, dimension]} capsule vectors and {@link Squash squashed}.
 *
 * <p>Weights: the convolution's {@code kernel} and {@code bias}.
 */
public final class PrimaryCaps {

  private final int channels;
  private final int dimension;
  private final int kernel;
  private final int strides;

  public PrimaryCaps(int channels, int dimension, int kernel, int strides) {
    if (channels < 1 || dimension < 2 || kernel < 1 || strides < 1) {
      throw new IllegalArgumentException("PrimaryCaps needs channels >= 1, dimension >= 2, kernel >= 1 and"
          + " strides >= 1, got " + channels + ", " + dimension + ", " + kernel + ", " + strides);
    }
    this.channels = channels;
    this.dimension = dimension;
    this.kernel = kernel;
    this.strides = strides;
  }

  /** Builds the layer on {@code input} {@code [batch, height, width, features]} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    Operand<TFloat32> features = Conv.withFilters(channels * dimension).kernel(kernel).strides(strides).build()
        .call(scope, input);
    long positions = features.shape().get(1) * features.shape().get(2);
    Ops tf = scope.tf();
    Operand<TFloat32> capsules =
        tf.reshape(features, tf.constant(new long[] {-1, positions * channels, dimension}));
    return Squash.apply(tf, capsules);
  }
}
