package dev.deepwire.runtime.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One time step of a recurrent layer (Keras' {@code *Cell}); {@link Recurrent} runs it over time.
 *
 * <p>A cell's states are {@code [batch, units]} each; the first state is the step's output {@code h}.
 */
public interface RecurrentCell {

  /** The size of the output and of each state. */
  int units();

  /** How many states the cell carries: 1 for SimpleRNN and GRU ({@code h}), 2 for LSTM ({@code h, c}). */
  int stateCount();

  /** Creates (or finds, when shared) the cell's weights under {@code scope} for inputs of {@code features}. */
  Step build(LayerScope scope, long features);

  /** The step function with its weights bound. */
  @FunctionalInterface
  interface Step {
    /** Maps the input at time t {@code [batch, features]} and the states to the new states. */
    List<Operand<TFloat32>> apply(Ops tf, Operand<TFloat32> x, List<Operand<TFloat32>> states);
  }
}
