package dev.deepwire.runtime.layers;

import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Gives each example a new shape with the same number of elements.
 *
 * <p>Input shape {@code [batch, d1, ..., dn]}; output shape {@code [batch, shape...]}, where one
 * dimension of {@code shape} may be {@code -1} and is then inferred.
 */
public final class Reshape {

  private final int[] shape;

  public Reshape(int... shape) {
    this.shape = shape.clone();
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    long inferred = Arrays.stream(shape).filter(d -> d == -1).count();
    if (inferred > 1 || Arrays.stream(shape).anyMatch(d -> d == 0 || d < -1)) {
      throw new IllegalArgumentException("Reshape '" + scope.path() + "' needs positive dimensions and at"
          + " most one -1, got " + Arrays.toString(shape));
    }
    long[] inputShape = input.shape().isUnknown() ? null : input.shape().asArray();
    boolean known = inputShape != null && Arrays.stream(inputShape, 1, inputShape.length).allMatch(d -> d >= 0);
    if (inferred == 1 && !known) {
      throw new IllegalArgumentException("Reshape '" + scope.path() + "' needs known example dimensions to"
          + " infer -1, got " + input.shape());
    }
    long[] target = new long[shape.length + 1];
    target[0] = -1;
    for (int i = 0; i < shape.length; i++) {
      target[i + 1] = shape[i];
    }
    if (known) {
      long size = Arrays.stream(inputShape, 1, inputShape.length).reduce(1, (a, b) -> a * b);
      long fixed = Arrays.stream(shape).filter(d -> d != -1).asLongStream().reduce(1, (a, b) -> a * b);
      if (inferred == 1 ? size % fixed != 0 : size != fixed) {
        throw new IllegalArgumentException("Reshape '" + scope.path() + "' cannot give examples of " + size
            + " elements the shape " + Arrays.toString(shape));
      }
      if (inferred == 1) {
        target = resolveUnknown(inputShape, target);
      }
    }
    return scope.tf().reshape(input, scope.tf().constant(target));
  }

  private static long[] resolveUnknown(long[] inputShape, long[] target) {
    long inputSize = 1;
    for (int i = 1; i < inputShape.length; i++) {
      inputSize *= inputShape[i];
    }
    long known = 1;
    int unknown = -1;
    for (int i = 1; i < target.length; i++) {
      if (target[i] == -1) {
        unknown = i;
      } else {
        known *= target[i];
      }
    }
    long[] resolved = target.clone();
    resolved[unknown] = inputSize / known;
    return resolved;
  }
}
