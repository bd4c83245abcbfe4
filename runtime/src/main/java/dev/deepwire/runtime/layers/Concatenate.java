package dev.deepwire.runtime.layers;

import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Joins inputs along their last axis.
 *
 * <p>Input shapes: equal except in the last dimension; output shape: theirs with the last dimensions
 * summed.
 */
public final class Concatenate {

  /** Builds the layer on {@code inputs} under {@code scope}. */
  @SafeVarargs
  public final Operand<TFloat32> call(LayerScope scope, Operand<TFloat32>... inputs) {
    if (inputs.length < 2) {
      throw new IllegalArgumentException("Concatenate needs at least two inputs, got " + inputs.length);
    }
    return scope.tf().concat(Arrays.asList(inputs), scope.tf().constant(-1));
  }
}
