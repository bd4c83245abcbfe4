package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/**
 * The capsule non-linearity and capsule lengths, along the last axis.
 *
 * <p>{@code squash(s) = |s|^2 / (1 + |s|^2) * s / |s|}: the direction is kept and the length shrunk into
 * {@code [0, 1)}, so a length can be read as a probability.
 */
public final class Squash {

  /** Keeps square roots differentiable at the zero vector. */
  static final float EPSILON = 1e-7f;

  private Squash() {}

  /** Squashes each vector along the last axis of {@code s}. */
  public static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> s) {
    Operand<TFloat32> squaredNorm = squaredNorm(tf, s);
    Operand<TFloat32> scale = tf.math.div(squaredNorm,
        tf.math.mul(tf.math.add(tf.constant(1f), squaredNorm), tf.math.sqrt(tf.math.add(squaredNorm,
            tf.constant(EPSILON)))));
    return tf.math.mul(s, scale);
  }

  /** The length of each vector along the last axis, that axis removed. */
  public static Operand<TFloat32> length(Ops tf, Operand<TFloat32> v) {
    Operand<TFloat32> squared = tf.sum(tf.math.mul(v, v), tf.constant(-1));
    return tf.math.sqrt(tf.math.add(squared, tf.constant(EPSILON)));
  }

  private static Operand<TFloat32> squaredNorm(Ops tf, Operand<TFloat32> s) {
    return tf.sum(tf.math.mul(s, s), tf.constant(-1), Sum.keepDims(true));
  }
}
