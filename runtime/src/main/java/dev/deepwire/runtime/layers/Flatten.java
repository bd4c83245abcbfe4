package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Flattens each example into a vector.
 *
 * <p>Input shape {@code [batch, d1, ..., dn]}; output shape {@code [batch, d1 * ... * dn]}.
 */
public final class Flatten {

  /** The output shape for an input shape, batch dimension included. */
  public static long[] outputShape(long[] inputShape) {
    long size = 1;
    for (int i = 1; i < inputShape.length; i++) {
      size *= inputShape[i];
    }
    return new long[] {inputShape[0], size};
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    Shape shape = input.shape();
    boolean known = !shape.isUnknown() && shape.numDimensions() >= 1;
    for (int i = 1; known && i < shape.numDimensions(); i++) {
      known = shape.get(i) >= 0;
    }
    if (!known) {
      throw new IllegalArgumentException(
          "Flatten '" + scope.path() + "' needs known example dimensions, got " + input.shape());
    }
    long[] flat = outputShape(shape.asArray());
    return scope.tf().reshape(input, scope.tf().constant(new long[] {-1, flat[1]}));
  }
}
