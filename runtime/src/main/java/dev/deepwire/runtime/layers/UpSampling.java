package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Nearest-neighbour upsampling: repeats each spatial position {@code s} times along each spatial dimension.
 *
 * <p>Input shape {@code [batch, d1, ..., dn, channels]}; output shape {@code [batch, d1 * s1, ..., dn * sn,
 * channels]}. Built from reshape and tile, whose gradients TensorFlow provides.
 */
public final class UpSampling {

  private final int[] factors;

  /** @param factors one factor for every spatial dimension, or one per dimension; positive */
  public UpSampling(int... factors) {
    this.factors = Spatial.require("UpSampling", "factor", factors, 1);
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    int n = Spatial.rank("UpSampling", scope, input, 1, 8);
    int[] s = Spatial.perDimension("UpSampling", "factor", factors, n, 1);
    Shape in = input.shape();
    // [b, d1, 1, d2, 1, ..., c] tiled by [1, 1, s1, 1, s2, ..., 1] then merged to [b, d1 s1, ..., c].
    long[] split = new long[2 * n + 2];
    int[] multiples = new int[2 * n + 2];
    long[] merged = new long[n + 2];
    split[0] = -1;
    merged[0] = -1;
    multiples[0] = 1;
    for (int i = 0; i < n; i++) {
      split[2 * i + 1] = in.get(i + 1);
      split[2 * i + 2] = 1;
      multiples[2 * i + 1] = 1;
      multiples[2 * i + 2] = s[i];
      merged[i + 1] = in.get(i + 1) * s[i];
    }
    split[2 * n + 1] = in.get(n + 1);
    multiples[2 * n + 1] = 1;
    merged[n + 1] = in.get(n + 1);
    Ops tf = scope.tf();
    Operand<TFloat32> tiled = tf.tile(tf.reshape(input, tf.constant(split)), tf.constant(multiples));
    return tf.reshape(tiled, tf.constant(merged));
  }
}
