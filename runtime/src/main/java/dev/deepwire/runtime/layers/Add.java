package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Adds inputs element-wise, e.g. a residual connection.
 *
 * <p>Input shapes: all equal; output shape: the same.
 */
public final class Add {

  /** Builds the layer on {@code inputs} under {@code scope}. */
  @SafeVarargs
  public final Operand<TFloat32> call(LayerScope scope, Operand<TFloat32>... inputs) {
    if (inputs.length < 2) {
      throw new IllegalArgumentException("Add needs at least two inputs, got " + inputs.length);
    }
    return scope.tf().math.addN(java.util.Arrays.asList(inputs));
  }
}
