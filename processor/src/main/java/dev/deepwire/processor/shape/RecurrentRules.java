package dev.deepwire.processor.shape;

import java.util.List;

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
