package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The length of each capsule: {@code [batch, count, dimension]} to {@code [batch, count]}. */
public final class CapsuleLength {

  /** Builds the layer on {@code capsules} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> capsules) {
    return Squash.length(scope.tf(), capsules);
  }
}
