package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** One final state of a recurrent layer ({@code @FinalState}): 0 = {@code h}, 1 = LSTM's {@code c}. */
public final class FinalState {

  private final int index;

  /** The final state number {@code index} of the recurrent layer this is called on. */
  public FinalState(int index) {
    this.index = index;
  }

  /** The state of the recurrent layer whose output is {@code recurrentOutput}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> recurrentOutput) {
    var states = scope.statesOf(recurrentOutput).orElseThrow(() -> new IllegalArgumentException(
        "'" + scope.path() + "' needs the output of a recurrent layer, which records its final states"));
    if (index < 0 || index >= states.size()) {
      throw new IllegalArgumentException("'" + scope.path() + "' asks for final state " + index + " of a layer with "
          + states.size());
    }
    return states.get(index);
  }
}
