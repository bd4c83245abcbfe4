package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.DistanceKind;
import dev.deepwire.runtime.training.HingeLosses;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/**
 * Distances between codes {@code [batch, d]}: for two inputs, {@code [batch, 1]}; for three (anchor, positive,
 * negative), {@code [batch, 2]} holding {@code d(anchor, positive)} and {@code d(anchor, negative)}. Records its
 * margin on the result, for the contrastive or triplet loss on it.
 */
public final class Distance {

  /** Keeps square roots differentiable where two codes coincide. */
  private static final float EPSILON = 1e-9f;

  private final DistanceKind kind;
  private final float margin;

  /** Distances of {@code kind} whose losses use the default margin, 1. */
  public Distance(DistanceKind kind) {
    this(kind, HingeLosses.DISTANCE_MARGIN);
  }

  /** Distances of {@code kind} whose contrastive or triplet loss uses {@code margin}. */
  public Distance(DistanceKind kind, double margin) {
    if (!(margin > 0)) {
      throw new IllegalArgumentException("margin must be positive, got " + margin);
    }
    this.kind = kind;
    this.margin = (float) margin;
  }

  /** Builds the layer on two or three codes under {@code scope}. */
  @SafeVarargs
  public final Operand<TFloat32> call(LayerScope scope, Operand<TFloat32>... codes) {
    Ops tf = scope.tf();
    Operand<TFloat32> distances;
    if (codes.length == 2) {
      distances = between(tf, codes[0], codes[1]);
    } else if (codes.length == 3) {
      distances = tf.concat(List.of(between(tf, codes[0], codes[1]), between(tf, codes[0], codes[2])),
          tf.constant(-1));
    } else {
      throw new IllegalArgumentException("Distance needs 2 or 3 inputs, got " + codes.length);
    }
    scope.recordMargin(distances, margin);
    return distances;
  }

  /** The distance of each row of {@code a} to the same row of {@code b}, {@code [batch, 1]}. */
  private Operand<TFloat32> between(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return switch (kind) {
      case L1 -> sum(tf, tf.math.abs(tf.math.sub(a, b)));
      case L2 -> {
        Operand<TFloat32> diff = tf.math.sub(a, b);
        yield tf.math.sqrt(tf.math.add(sum(tf, tf.math.mul(diff, diff)), tf.constant(EPSILON)));
      }
      case COSINE -> {
        Operand<TFloat32> norms = tf.math.mul(norm(tf, a), norm(tf, b));
        yield tf.math.sub(tf.constant(1f), tf.math.div(sum(tf, tf.math.mul(a, b)), norms));
      }
    };
  }

  private static Operand<TFloat32> norm(Ops tf, Operand<TFloat32> x) {
    return tf.math.sqrt(tf.math.add(sum(tf, tf.math.mul(x, x)), tf.constant(EPSILON)));
  }

  private static Operand<TFloat32> sum(Ops tf, Operand<TFloat32> x) {
    return tf.sum(x, tf.constant(-1), Sum.keepDims(true));
  }
}
