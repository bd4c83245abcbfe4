package dev.deepwire.runtime.layers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The identity, adding activity penalties to the loss for sparse autoencoders:
 * <ul>
 *   <li>L1: {@code l1 * sum|a|} per example, averaged over the batch;</li>
 *   <li>KL sparsity: {@code weight * sum_j [rho log(rho / rhoHat_j) + (1 - rho) log((1 - rho) / (1 - rhoHat_j))]}
 *       where {@code rhoHat_j} is unit {@code j}'s mean activation over the batch and {@code rho} the target.</li>
 * </ul>
 * The sum of the penalties is reported as {@code sparsity}.
 *
 * <p>Input {@code [batch, units]}; output the same.
 */
public final class ActivityRegularization {

  /** Keeps {@code log} finite when a unit is always off or always on in a batch. */
  private static final float CLIP = 1e-6f;

  private final double l1;
  private final double target;
  private final double sparsityWeight;

  public ActivityRegularization(double l1, double target, double sparsityWeight) {
    if (l1 < 0 || sparsityWeight < 0) {
      throw new IllegalArgumentException("penalty factors must be >= 0, got l1=" + l1 + ", sparsityWeight="
          + sparsityWeight);
    }
    if (sparsityWeight > 0 && !(target > 0 && target < 1)) {
      throw new IllegalArgumentException("sparsityTarget must be in (0, 1), got " + target);
    }
    this.l1 = l1;
    this.target = target;
    this.sparsityWeight = sparsityWeight;
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    Ops tf = scope.tf();
    List<Operand<TFloat32>> penalties = new ArrayList<>();
    if (l1 > 0) {
      Operand<TFloat32> perExample = tf.sum(tf.math.abs(input), tf.constant(new int[] {1}));
      penalties.add(tf.math.mul(tf.constant((float) l1), tf.math.mean(perExample, tf.constant(0))));
    }
    if (sparsityWeight > 0) {
      penalties.add(tf.math.mul(tf.constant((float) sparsityWeight), klSparsity(tf, input, (float) target)));
    }
    if (!penalties.isEmpty()) {
      Operand<TFloat32> total = penalties.size() == 1 ? penalties.get(0) : tf.math.addN(penalties);
      scope.addLoss(total);
      scope.report("sparsity", total);
    }
    return input;
  }

  /** {@code sum_j KL(rho || rhoHat_j)} of Bernoulli distributions, {@code rhoHat} the batch means. */
  static Operand<TFloat32> klSparsity(Ops tf, Operand<TFloat32> activations, float rho) {
    // Minimum/Maximum rather than ClipByValue: their gradients are in TF's C++ registry.
    Operand<TFloat32> rhoHat = tf.math.maximum(tf.math.minimum(tf.math.mean(activations, tf.constant(0)),
        tf.constant(1 - CLIP)), tf.constant(CLIP));
    Operand<TFloat32> on = tf.math.mul(tf.constant(rho), tf.math.log(tf.math.div(tf.constant(rho), rhoHat)));
    Operand<TFloat32> off = tf.math.mul(tf.constant(1 - rho),
        tf.math.log(tf.math.div(tf.constant(1 - rho), tf.math.sub(tf.constant(1f), rhoHat))));
    return tf.sum(tf.math.add(on, off), tf.constant(0));
  }
}
