package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keeps one capsule per example and zeroes the rest, flattened: {@code [batch, count * dimension]}. While
 * training the capsule of the one-hot {@code label}, at inference the longest capsule, as the CapsNet
 * reconstruction decoder expects.
 */
public final class CapsuleMask {

  /** Builds the layer on {@code capsules} {@code [batch, count, dimension]} and {@code label} {@code [batch, count]}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> capsules, Operand<TFloat32> label) {
    Ops tf = scope.tf();
    long count = capsules.shape().get(1);
    long dimension = capsules.shape().get(2);
    Operand<TInt64> longest = tf.math.argMax(Squash.length(tf, capsules), tf.constant(-1));
    Operand<TFloat32> predicted = tf.oneHot(longest, tf.constant((int) count), tf.constant(1f), tf.constant(0f));
    Operand<TFloat32> training = scope.training();
    Operand<TFloat32> chosen = tf.math.add(tf.math.mul(training, label),
        tf.math.mul(tf.math.sub(tf.constant(1f), training), predicted));
    // The choice is data, not a function to differentiate (ArgMax and OneHot have no gradients).
    Operand<TFloat32> mask = tf.expandDims(tf.stopGradient(chosen), tf.constant(-1));
    return tf.reshape(tf.math.mul(capsules, mask), tf.constant(new long[] {-1, count * dimension}));
  }
}
