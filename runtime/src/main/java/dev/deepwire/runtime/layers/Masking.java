package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.types.TFloat32;

/**
 * The zero-padding rule for sequences {@code [batch, time, features]}: a time step whose features all equal
 * {@code value} is padding. Records the {@code [batch, time]} mask for recurrent layers and zeros those steps.
 */
public final class Masking {

  private final float value;

  /** Steps whose features all equal {@code value} (usually 0) are masked. */
  public Masking(double value) {
    this.value = (float) value;
  }

  /** Builds the mask of {@code input} and returns the input with masked steps zeroed. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    if (input.shape().numDimensions() != 3) {
      throw new IllegalArgumentException(
          "Masking '" + scope.path() + "' needs an input [batch, time, features], got " + input.shape());
    }
    Ops tf = scope.tf();
    Operand<TFloat32> differs =
        tf.dtypes.cast(tf.math.notEqual(input, tf.constant(value)), TFloat32.class);
    Operand<TFloat32> mask = tf.max(differs, tf.constant(-1), Max.keepDims(false));
    Operand<TFloat32> out = tf.math.mul(input, tf.expandDims(mask, tf.constant(-1)));
    scope.recordMask(out, mask);
    return out;
  }
}
