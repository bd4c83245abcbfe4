package dev.deepwire.runtime.training;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The losses with margins: capsule margin loss, contrastive loss and triplet loss. Each is the batch mean of a
 * per-example value.
 */
public final class HingeLosses {

  /** Capsule length a present class should reach. */
  public static final float CAPSULE_PRESENT = 0.9f;
  /** Capsule length an absent class should stay under. */
  public static final float CAPSULE_ABSENT = 0.1f;
  /** Weight of the absent classes' term. */
  public static final float CAPSULE_ABSENT_WEIGHT = 0.5f;
  /** The default distance non-matching pairs are pushed beyond, and gap triplets must open. */
  public static final float DISTANCE_MARGIN = 1f;

  private HingeLosses() {}

  /**
   * {@code Σ_k T_k max(0, 0.9 - v_k)^2 + 0.5 (1 - T_k) max(0, v_k - 0.1)^2}.
   *
   * @param lengths capsule lengths {@code [batch, classes]}
   * @param oneHot targets {@code [batch, classes]}
   */
  public static Operand<TFloat32> margin(Ops tf, Operand<TFloat32> lengths, Operand<TFloat32> oneHot) {
    Operand<TFloat32> missing = squaredHinge(tf, tf.math.sub(tf.constant(CAPSULE_PRESENT), lengths));
    Operand<TFloat32> spurious = squaredHinge(tf, tf.math.sub(lengths, tf.constant(CAPSULE_ABSENT)));
    Operand<TFloat32> perClass = tf.math.add(tf.math.mul(oneHot, missing), tf.math.mul(
        tf.math.mul(tf.constant(CAPSULE_ABSENT_WEIGHT), tf.math.sub(tf.constant(1f), oneHot)), spurious));
    return tf.math.mean(tf.sum(perClass, tf.constant(-1)), tf.constant(0));
  }

  /** {@link #contrastive(Ops, Operand, Operand, float)} with margin 1. */
  public static Operand<TFloat32> contrastive(Ops tf, Operand<TFloat32> distances, Operand<TFloat32> same) {
    return contrastive(tf, distances, same, DISTANCE_MARGIN);
  }

  /**
   * {@code y d^2 + (1 - y) max(0, m - d)^2}.
   *
   * @param distances {@code [batch, 1]}
   * @param same {@code [batch, 1]}: 1 for a matching pair, 0 otherwise
   * @param margin {@code m}, the distance non-matching pairs are pushed beyond
   */
  public static Operand<TFloat32> contrastive(Ops tf, Operand<TFloat32> distances, Operand<TFloat32> same,
      float margin) {
    Operand<TFloat32> pull = tf.math.mul(same, tf.math.mul(distances, distances));
    Operand<TFloat32> push = tf.math.mul(tf.math.sub(tf.constant(1f), same),
        squaredHinge(tf, tf.math.sub(tf.constant(margin), distances)));
    return Losses.meanAll(tf, tf.math.add(pull, push));
  }

  /** {@link #triplet(Ops, Operand, float)} with margin 1. */
  public static Operand<TFloat32> triplet(Ops tf, Operand<TFloat32> distances) {
    return triplet(tf, distances, DISTANCE_MARGIN);
  }

  /**
   * {@code max(0, d(a, p) - d(a, n) + m)}.
   *
   * @param distances {@code [batch, 2]}: anchor to positive, anchor to negative
   * @param margin {@code m}, the gap the negative must lie beyond the positive
   */
  public static Operand<TFloat32> triplet(Ops tf, Operand<TFloat32> distances, float margin) {
    Operand<TFloat32> gap = tf.sum(tf.math.mul(distances, tf.constant(new float[] {1f, -1f})), tf.constant(-1));
    return tf.math.mean(tf.nn.relu(tf.math.add(gap, tf.constant(margin))), tf.constant(0));
  }

  private static Operand<TFloat32> squaredHinge(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> positive = tf.nn.relu(x);
    return tf.math.mul(positive, positive);
  }
}
