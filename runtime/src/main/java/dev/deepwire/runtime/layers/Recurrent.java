package dev.deepwire.runtime.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A recurrent layer: runs a {@link RecurrentCell} over the time axis of {@code [batch, time, features]}, giving
 * the last output {@code [batch, units]} or, with {@code returnSequences}, every output
 * {@code [batch, time, units]}.
 *
 * <p><b>Why the loop is unrolled in Java.</b> TF Java 1.1.0 builds gradients from TF's C++ registry, which has
 * no gradient for {@code While}/{@code StatelessWhile}; {@code Graph.whileLoop} gradients fail as soon as the
 * body needs forward values (every RNN does: {@code h · U}). So the loop runs here, at graph-build time, over
 * the static maximum length: one cell step of ordinary ops per time step, whose gradients (MatMul, Sigmoid,
 * Tanh, Split, Unpack, Pack, ...) TF has. The cost is graph size and build time, linear in the length: an LSTM
 * takes 73 graph ops per step, forward and gradient, and 100 steps with gradients build in about 0.3 s
 * ({@code RecurrentUnrollTest}); shorter sequences are padded and masked.
 *
 * <p><b>Masking.</b> With a mask {@code [batch, time]} of ones (real steps) and zeros (padding) — given, or
 * recorded by {@link Embedding} with {@code maskZero} or by {@link Masking} — a masked step leaves every state
 * as it was and outputs zeros, so the last output is the last valid state: a padded sequence gives what the
 * unpadded one gives. With {@code returnSequences} the mask is recorded again on the output for a next
 * recurrent layer.
 *
 * <p><b>States.</b> The states start at zero unless initial states are given ({@code [batch, units]} each,
 * {@link RecurrentCell#stateCount()} of them). The final states are recorded on the output
 * ({@link LayerScope#statesOf}) for {@link FinalState}; a {@link RecurrentStates} set on the scope may replace
 * the initial states and collect the final ones (step-by-step inference).
 *
 * <p><b>Truncated back-propagation through time.</b> With {@link #truncated(int) truncate = k} the state entering
 * every k-th step passes through {@code StopGradient}: the forward pass is unchanged, and gradients flow back at
 * most to the start of their chunk of k steps.
 *
 * <p>{@code goBackwards} reads the sequence from its end; its sequence output is put back in input order (as
 * Keras' {@code Bidirectional} does), and the last output is the state after reading the first step.
 */
public final class Recurrent {

  private final RecurrentCell cell;
  private final boolean returnSequences;
  private final boolean goBackwards;
  private final int truncate;

  /** A layer running {@code cell} forwards and returning its last output. */
  public Recurrent(RecurrentCell cell) {
    this(cell, false, false);
  }

  /** A layer running {@code cell}, returning all outputs if {@code returnSequences}, reading backwards if asked. */
  public Recurrent(RecurrentCell cell, boolean returnSequences, boolean goBackwards) {
    this(cell, returnSequences, goBackwards, 0);
  }

  private Recurrent(RecurrentCell cell, boolean returnSequences, boolean goBackwards, int truncate) {
    if (truncate < 0) {
      throw new IllegalArgumentException("truncate must be 0 (full back-propagation) or positive, got " + truncate);
    }
    this.cell = cell;
    this.returnSequences = returnSequences;
    this.goBackwards = goBackwards;
    this.truncate = truncate;
  }

  /** The same layer reading in the opposite direction. */
  public Recurrent reversed() {
    return new Recurrent(cell, returnSequences, !goBackwards, truncate);
  }

  /** The same layer back-propagating at most {@code k} steps, chunk by chunk (0: through the whole sequence). */
  public Recurrent truncated(int k) {
    return new Recurrent(cell, returnSequences, goBackwards, k);
  }

  /** The output size. */
  public int units() {
    return cell.units();
  }

  /** Whether the output has a time axis. */
  public boolean returnSequences() {
    return returnSequences;
  }

  /** The output shape for {@code [batch, time, features]}, batch dimension included. */
  public static long[] outputShape(long[] inputShape, int units, boolean returnSequences) {
    if (inputShape.length != 3) {
      throw new IllegalArgumentException(
          "a recurrent layer needs a rank-3 input [batch, time, features], got rank " + inputShape.length);
    }
    return returnSequences ? new long[] {inputShape[0], inputShape[1], units} : new long[] {inputShape[0], units};
  }

  /** Builds the layer on {@code input}, honouring a mask recorded on it. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    return call(scope, input, scope.maskOf(input).orElse(null), List.of());
  }

  /** Builds the layer on {@code input} starting from {@code initialStates}, honouring a mask recorded on it. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input, List<Operand<TFloat32>> initialStates) {
    return call(scope, input, scope.maskOf(input).orElse(null), initialStates);
  }

  /**
   * Builds the layer on {@code input} with a float {@code [batch, time]} {@code mask} (1 = real step), or none
   * when {@code mask} is null.
   */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input, Operand<TFloat32> mask) {
    return call(scope, input, mask, List.of());
  }

  /**
   * Builds the layer on {@code input} with a {@code mask} (or null) from {@code initialStates} (empty: zeros).
   */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input, Operand<TFloat32> mask,
      List<Operand<TFloat32>> initialStates) {
    Shape shape = input.shape();
    if (shape.numDimensions() != 3 || shape.get(1) < 1 || shape.get(2) < 1) {
      throw new IllegalArgumentException("recurrent layer '" + scope.path() + "' needs an input [batch, time,"
          + " features] with known time and features, got " + shape);
    }
    Ops tf = scope.tf();
    int time = (int) shape.get(1);
    RecurrentCell.Step step = cell.build(scope, shape.get(2));
    List<Operand<TFloat32>> xs = new ArrayList<>(tf.unstack(input, (long) time, Unstack.axis(1L)).output());
    List<Operand<TFloat32>> ms = mask == null ? null : steps(tf, mask, time);
    if (goBackwards) {
      Collections.reverse(xs);
      if (ms != null) {
        Collections.reverse(ms);
      }
    }
    List<Operand<TFloat32>> states = startStates(scope, input, initialStates);
    List<Operand<TFloat32>> outputs = new ArrayList<>();
    for (int t = 0; t < time; t++) {
      if (truncate > 0 && t > 0 && t % truncate == 0) {
        states = stopGradients(tf, states);
      }
      List<Operand<TFloat32>> next = step.apply(tf, xs.get(t), states);
      if (ms == null) {
        states = new ArrayList<>(next);
        outputs.add(next.get(0));
      } else {
        Operand<TFloat32> m = ms.get(t);
        Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), m);
        for (int s = 0; s < states.size(); s++) {
          states.set(s, tf.math.add(tf.math.mul(m, next.get(s)), tf.math.mul(keep, states.get(s))));
        }
        outputs.add(tf.math.mul(m, next.get(0)));
      }
    }
    List<Operand<TFloat32>> finals = List.copyOf(states);
    scope.recurrentStates().ifPresent(carrier -> carrier.last(scope, finals));
    Operand<TFloat32> out;
    if (!returnSequences) {
      out = finals.get(0);
    } else {
      if (goBackwards) {
        Collections.reverse(outputs);
      }
      out = tf.stack(outputs, Stack.axis(1L));
      if (mask != null) {
        scope.recordMask(out, mask);
      }
    }
    scope.recordStates(out, finals);
    return out;
  }

  /** The given initial states, or zeros; replaced by the scope's {@link RecurrentStates} if it has one. */
  private List<Operand<TFloat32>> startStates(LayerScope scope, Operand<TFloat32> input,
      List<Operand<TFloat32>> given) {
    List<Operand<TFloat32>> states = new ArrayList<>();
    if (given.isEmpty()) {
      Operand<TFloat32> zeros = zeroState(scope.tf(), input);
      for (int s = 0; s < cell.stateCount(); s++) {
        states.add(zeros);
      }
    } else {
      if (given.size() != cell.stateCount()) {
        throw new IllegalArgumentException("recurrent layer '" + scope.path() + "' needs " + cell.stateCount()
            + " initial states, got " + given.size());
      }
      for (Operand<TFloat32> state : given) {
        Shape s = state.shape();
        if (s.numDimensions() != 2 || s.get(1) != cell.units()) {
          throw new IllegalArgumentException("recurrent layer '" + scope.path() + "' needs initial states [batch, "
              + cell.units() + "], got " + s);
        }
        states.add(state);
      }
    }
    if (scope.recurrentStates().isEmpty()) {
      return states;
    }
    if (goBackwards) {
      throw new IllegalStateException("recurrent layer '" + scope.path() + "' reads backwards, so its state cannot"
          + " be carried from one step to the next");
    }
    return new ArrayList<>(scope.recurrentStates().get().initial(scope, List.copyOf(states)));
  }

  private static List<Operand<TFloat32>> stopGradients(Ops tf, List<Operand<TFloat32>> states) {
    List<Operand<TFloat32>> stopped = new ArrayList<>();
    for (Operand<TFloat32> state : states) {
      stopped.add(tf.stopGradient(state));
    }
    return stopped;
  }

  /** The mask's column of each time step as {@code [batch, 1]}. */
  private static List<Operand<TFloat32>> steps(Ops tf, Operand<TFloat32> mask, int time) {
    if (mask.shape().numDimensions() != 2 || mask.shape().get(1) != time) {
      throw new IllegalArgumentException("a mask needs shape [batch, " + time + "], got " + mask.shape());
    }
    List<Operand<TFloat32>> out = new ArrayList<>();
    for (Operand<TFloat32> column : tf.unstack(mask, (long) time, Unstack.axis(1L)).output()) {
      out.add(tf.expandDims(column, tf.constant(1)));
    }
    return out;
  }

  /** Zeros {@code [batch, units]}, the batch taken from the input at run time and the units kept static. */
  private Operand<TFloat32> zeroState(Ops tf, Operand<TFloat32> input) {
    Operand<TInt32> batch = tf.slice(tf.shape(input), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TInt32> dims = tf.concat(List.of(batch, tf.constant(new int[] {cell.units()})), tf.constant(0));
    return tf.reshape(tf.fill(dims, tf.constant(0f)), tf.constant(new long[] {-1, cell.units()}));
  }

  static int requirePositive(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
    return value;
  }
}
