package dev.deepwire.processor.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The shape inference of the sequence layers (recurrent layers, embeddings, masking). Pure functions. */
public final class RecurrentRules {

  private RecurrentRules() {}

  /**
   * {@code @SimpleRNN} / {@code @LSTM} / {@code @GRU}: {@code [batch, time, features]} to {@code [batch, width]}
   * or {@code [batch, time, width]}, where width is {@code 2 units} for a concatenated {@code @Bidirectional}.
   *
   * @param label {@code @LSTM} etc.
   * @param merge the {@code @Bidirectional} merge, or empty
   */
  public static ShapeResult recurrent(String label, String node, int units, boolean returnSequences, String merge,
      NamedShape in) {
    if (units < 1) {
      return ShapeResult.error(label.substring(1) + ".units", label + " on '" + node + "' needs units >= 1, but found"
          + " units = " + units + ". Use a positive number of units.", "units");
    }
    Shape shape = in.shape();
    if (shape.rank() != 3) {
      return ShapeResult.error("Shape.rank", label + " on '" + node + "' needs a rank-3 input [batch, time, features],"
          + " but '" + in.name() + "' is " + shape + "; " + sequenceHint(shape));
    }
    long width = merge.equals("CONCAT") ? 2L * units : units;
    return ShapeLimits.sized(label, node, returnSequences ? List.of((long) shape.dims().get(0), width) : List.of(width));
  }

  /**
   * The states of a recurrent layer whose output shape is {@code output}: {@code truncate >= 0}; initial states
   * (the parameters after the sequence), if any, one per state and {@code [batch, units]} each; and neither
   * initial states nor {@code returnState} on a {@code @Bidirectional} layer.
   *
   * @param stateNames the cell's states, {@code h} or {@code h, c}
   * @param output the result of {@link #recurrent}, returned when the states fit
   */
  public static ShapeResult states(String label, String node, int units, List<String> stateNames,
      boolean bidirectional, boolean returnState, int truncate, List<NamedShape> initial, ShapeResult output) {
    String layer = label + " on '" + node + "'";
    if (truncate < 0) {
      return ShapeResult.error(label.substring(1) + ".truncate", layer + " needs truncate >= 0, but found truncate = "
          + truncate + ". Use 0 for full back-propagation through time, or k > 0 to back-propagate at most k"
          + " steps.", "truncate");
    }
    if (bidirectional && (returnState || !initial.isEmpty())) {
      return ShapeResult.error("Bidirectional.states", layer + " reads in both directions and takes no initial"
          + " states and no returnState, but found " + (returnState ? "returnState = true" : plural(initial.size(),
          "initial state")) + ". Remove " + (returnState ? "returnState" : "the state parameters")
          + ", or @Bidirectional.");
    }
    if (initial.isEmpty()) {
      return output;
    }
    String id = label.substring(1) + ".initialState";
    if (initial.size() != stateNames.size()) {
      return ShapeResult.error(id, layer + " takes its sequence and then " + plural(stateNames.size(),
          "initial state") + " (" + String.join(", ", stateNames) + "), but found " + initial.size() + " ("
          + initial.stream().map(NamedShape::name).collect(Collectors.joining(", ")) + "). Pass one parameter per"
          + " state after the sequence.");
    }
    for (int i = 0; i < initial.size(); i++) {
      NamedShape state = initial.get(i);
      if (!state.shape().equals(Shape.of(units))) {
        return ShapeResult.error(id, layer + " needs its initial state " + stateNames.get(i) + " '" + state.name()
            + "' to be " + Shape.of(units) + ", but '" + state.name() + "' is " + state.shape() + ". Give '"
            + state.name() + "' " + units + " features, e.g. with @Dense(units = " + units + ").");
      }
    }
    return output;
  }

  /**
   * {@code @FinalState(index)} on {@code in}: a final state {@code [batch, units]} of a recurrent layer that
   * declares {@code returnState}.
   *
   * @param sourceLabel how messages name the layer of {@code in}, e.g. {@code @LSTM}
   * @param stateNames the states of that layer, or empty when it is not recurrent
   */
  public static ShapeResult finalState(String node, int index, NamedShape in, String sourceLabel,
      List<String> stateNames, boolean returnState, int units) {
    String layer = "@FinalState on '" + node + "'";
    if (stateNames.isEmpty()) {
      return ShapeResult.error("FinalState.input", layer + " needs a recurrent layer (@SimpleRNN, @LSTM or @GRU) as"
          + " its input, but '" + in.name() + "' is " + sourceLabel + ". Pass the recurrent layer whose state you"
          + " want.");
    }
    if (!returnState) {
      return ShapeResult.error("FinalState.returnState", layer + " needs '" + in.name() + "' to declare returnState"
          + " = true, but " + sourceLabel + " on '" + in.name() + "' has returnState = false. Add returnState = true"
          + " to '" + in.name() + "'.");
    }
    if (index < 0 || index >= stateNames.size()) {
      List<String> numbered = new ArrayList<>();
      for (int i = 0; i < stateNames.size(); i++) {
        numbered.add(i + " = " + stateNames.get(i));
      }
      return ShapeResult.error("FinalState.index", layer + " needs an index from 0 to " + (stateNames.size() - 1)
          + " (" + sourceLabel + " '" + in.name() + "' has " + String.join(", ", numbered) + "), but found "
          + index + ".", "value");
    }
    return ShapeResult.ok(Shape.of(units));
  }

  private static String plural(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** {@code @Embedding}: token ids {@code [batch, time]} to {@code [batch, time, dimension]}. */
  public static ShapeResult embedding(String node, int vocabulary, int dimension, NamedShape in) {
    if (vocabulary < 1) {
      return ShapeResult.error("Embedding.vocabulary", "@Embedding on '" + node + "' needs vocabulary >= 1, but found"
          + " vocabulary = " + vocabulary + ". Use the number of distinct token ids.", "vocabulary");
    }
    if (dimension < 1) {
      return ShapeResult.error("Embedding.dimension", "@Embedding on '" + node + "' needs dimension >= 1, but found"
          + " dimension = " + dimension + ". Use a positive vector size such as 32.", "dimension");
    }
    if (in.shape().rank() != 2) {
      return ShapeResult.error("Shape.rank", "@Embedding on '" + node + "' needs token ids [batch, time], but '"
          + in.name() + "' is " + in.shape() + "; declare the ids as @Input(shape = time).");
    }
    return ShapeLimits.sized("@Embedding", node, List.of((long) in.shape().dims().get(0), (long) dimension));
  }

  /** {@code @Masking}: the input's shape, which must be {@code [batch, time, features]}. */
  public static ShapeResult masking(String node, NamedShape in) {
    if (in.shape().rank() != 3) {
      return ShapeResult.error("Shape.rank", "@Masking on '" + node + "' needs a rank-3 input [batch, time, features],"
          + " but '" + in.name() + "' is " + in.shape() + "; " + sequenceHint(in.shape()));
    }
    return ShapeResult.ok(in.shape());
  }

  /** How to turn {@code shape} into {@code [batch, time, features]}. */
  private static String sequenceHint(Shape shape) {
    List<Integer> dims = shape.dims();
    if (dims.size() == 1) {
      return "add @Reshape({" + dims.get(0) + ", 1}) before it (one feature per step).";
    }
    int features = 1;
    for (int d : dims.subList(1, dims.size())) {
      features *= d;
    }
    return "add @Reshape({" + dims.get(0) + ", " + features + "}) before it (time first, features flattened).";
  }

}
