package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.Merge;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Runs a recurrent layer forwards (weights under {@code forward}) and a copy of it backwards (weights under
 * {@code backward}) over the same input and merges the two outputs; the backward sequence output is aligned
 * with the input's time order. {@code CONCAT} doubles the last axis; the others keep it.
 */
public final class Bidirectional {

  private final Recurrent layer;
  private final Merge merge;

  /** Wraps {@code layer} (its direction is the forward one) with {@code merge}. */
  public Bidirectional(Recurrent layer, Merge merge) {
    this.layer = layer;
    this.merge = merge;
  }

  /** The size of the merged last axis. */
  public int units() {
    return merge == Merge.CONCAT ? 2 * layer.units() : layer.units();
  }

  /** Builds both directions on {@code input}, honouring a mask recorded on it. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    Operand<TFloat32> mask = scope.maskOf(input).orElse(null);
    Operand<TFloat32> forward = layer.call(scope.child("forward"), input, mask);
    Operand<TFloat32> backward = layer.reversed().call(scope.child("backward"), input, mask);
    Ops tf = scope.tf();
    Operand<TFloat32> out = switch (merge) {
      case CONCAT -> tf.concat(List.of(forward, backward), tf.constant(-1));
      case SUM -> tf.math.add(forward, backward);
      case MEAN -> tf.math.mul(tf.math.add(forward, backward), tf.constant(0.5f));
      case MUL -> tf.math.mul(forward, backward);
    };
    if (mask != null && layer.returnSequences()) {
      scope.recordMask(out, mask);
    }
    return out;
  }
}
