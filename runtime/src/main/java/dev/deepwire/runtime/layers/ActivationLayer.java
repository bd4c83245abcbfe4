package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.ActivationFunction;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Applies an activation function on its own.
 *
 * <p>Input shape: any; output shape: the input's.
 */
public final class ActivationLayer {

  private final ActivationFunction function;
  private final double alpha;

  public ActivationLayer(ActivationFunction function, double alpha) {
    this.function = function;
    this.alpha = alpha;
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    return Activations.apply(scope, function, alpha, input);
  }
}
