package dev.deepwire.runtime.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Replaces the initial states of every recurrent layer built under a scope and collects their final states:
 * how step-by-step inference carries each layer's state from one call to the next.
 */
public interface RecurrentStates {

  /**
   * The states the layer at {@code scope} starts from.
   *
   * @param defaults what it would start from otherwise: its given initial states or zeros, {@code [batch, units]}
   */
  List<Operand<TFloat32>> initial(LayerScope scope, List<Operand<TFloat32>> defaults);

  /** Receives the final states of the layer at {@code scope}. */
  void last(LayerScope scope, List<Operand<TFloat32>> finals);
}
