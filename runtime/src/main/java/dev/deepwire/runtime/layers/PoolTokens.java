package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Pools a sequence {@code [batch, time, d]} into {@code [batch, d]}: the first token (BERT's {@code [CLS]}) or
 * the mean over the real tokens, padding recorded on the input left out.
 */
public final class PoolTokens {

  /** How the tokens are pooled. */
  public enum Mode {
    FIRST,
    MEAN
  }

  private final Mode mode;

  public PoolTokens(Mode mode) {
    this.mode = mode;
  }

  /** The pooled vector of each sequence. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    Shape shape = input.shape();
    if (shape.numDimensions() != 3 || shape.get(1) < 1 || shape.get(2) < 1) {
      throw new IllegalArgumentException("token pooling '" + scope.path() + "' needs an input [batch, time,"
          + " features] with known time and features, got " + shape);
    }
    Ops tf = scope.tf();
    long features = shape.get(2);
    if (mode == Mode.FIRST) {
      // int32 begin/size: with int64 ones TF's Slice gradient fails to build (it subtracts them from an int32 shape).
      return tf.reshape(tf.slice(input, tf.constant(new int[] {0, 0, 0}), tf.constant(new int[] {-1, 1, -1})),
          tf.constant(new long[] {-1, features}));
    }
    Operand<TFloat32> mask = scope.maskOf(input).orElse(null);
    if (mask == null) {
      return tf.math.mean(input, tf.constant(1));
    }
    Operand<TFloat32> sum = tf.sum(tf.math.mul(input, tf.expandDims(mask, tf.constant(2))), tf.constant(1));
    Operand<TFloat32> count = tf.math.maximum(tf.sum(mask, tf.constant(1)), tf.constant(1f));
    return tf.math.div(sum, tf.expandDims(count, tf.constant(1)));
  }
}
