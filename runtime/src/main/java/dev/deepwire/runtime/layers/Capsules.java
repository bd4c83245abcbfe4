package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A capsule layer with dynamic routing by agreement (Sabour, Frosst and Hinton, 2017).
 *
 * <p>Each input capsule {@code u_i} predicts each output capsule: {@code û_j|i = W_ij u_i}. Routing starts
 * with equal coupling and, {@code routing} times, forms {@code v_j = squash(Σ_i c_ij û_j|i)} with
 * {@code c_i = softmax_j(b_i)}, then raises the logits {@code b_ij} by the agreement {@code û_j|i · v_j}. TF Java
 * has no gradients for while loops, so the iterations are unrolled here.
 *
 * <p>Input shape: {@code [batch, inCapsules, inDimension]}. Output shape: {@code [batch, count, dimension]}.
 * Weight {@code kernel}: {@code [inCapsules, inDimension, count * dimension]}.
 */
public final class Capsules {

  /** Spread of the initial prediction matrices: the sum over input capsules then starts near length 1. */
  private static final double KERNEL_STDDEV = 0.05;

  private final int count;
  private final int dimension;
  private final int routing;

  public Capsules(int count, int dimension, int routing) {
    if (count < 1 || dimension < 2 || routing < 1) {
      throw new IllegalArgumentException("Capsules needs count >= 1, dimension >= 2 and routing >= 1, got "
          + count + ", " + dimension + ", " + routing);
    }
    this.count = count;
    this.dimension = dimension;
    this.routing = routing;
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    if (input.shape().numDimensions() != 3) {
      throw new IllegalArgumentException("Capsules needs [batch, capsules, dimension], got " + input.shape());
    }
    long inCapsules = input.shape().get(1);
    long inDimension = input.shape().get(2);
    Operand<TFloat32> kernel = scope.weight("kernel", Shape.of(inCapsules, inDimension, (long) count * dimension),
        (ops, seed) -> ops.math.mul(ops.random.truncatedNormal(ops.constant(new long[] {inCapsules, inDimension,
            (long) count * dimension}), TFloat32.class,
            org.tensorflow.op.random.TruncatedNormal.seed(seed >>> 33),
            org.tensorflow.op.random.TruncatedNormal.seed2(seed & 0x7fffffffL)),
            ops.constant((float) KERNEL_STDDEV)));
    return route(scope.tf(), predictions(scope.tf(), input, kernel, inCapsules));
  }

  /** {@code û}: {@code [batch, inCapsules, count, dimension]}, one matrix product per input capsule. */
  private Operand<TFloat32> predictions(Ops tf, Operand<TFloat32> input, Operand<TFloat32> kernel, long inCapsules) {
    // [in, batch, inDim] x [in, inDim, count * dim] -> [in, batch, count * dim]
    Operand<TFloat32> perCapsule = tf.train.batchMatMul(
        tf.linalg.transpose(input, tf.constant(new int[] {1, 0, 2})), kernel, TFloat32.class);
    Operand<TFloat32> byBatch = tf.linalg.transpose(perCapsule, tf.constant(new int[] {1, 0, 2}));
    return tf.reshape(byBatch, tf.constant(new long[] {-1, inCapsules, count, dimension}));
  }

  /** Routing by agreement, unrolled: returns {@code v}, {@code [batch, count, dimension]}. */
  private Operand<TFloat32> route(Ops tf, Operand<TFloat32> predictions) {
    Operand<TFloat32> logits = null;
    Operand<TFloat32> v = null;
    for (int iteration = 0; iteration < routing; iteration++) {
      Operand<TFloat32> coupling = logits == null
          ? tf.constant(1f / count)
          : tf.expandDims(tf.nn.softmax(logits), tf.constant(-1));
      Operand<TFloat32> s = tf.sum(tf.math.mul(coupling, predictions), tf.constant(1));
      v = Squash.apply(tf, s);
      if (iteration < routing - 1) {
        Operand<TFloat32> agreement = tf.sum(tf.math.mul(predictions, tf.expandDims(v, tf.constant(1))),
            tf.constant(-1));
        logits = logits == null ? agreement : tf.math.add(logits, agreement);
      }
    }
    return v;
  }
}
