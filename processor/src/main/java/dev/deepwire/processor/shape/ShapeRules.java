package dev.deepwire.processor.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The shape inference of each layer kind: pure functions from input shapes and settings to a result. */
public final class ShapeRules {

  private ShapeRules() {}

  /** {@code @Input}: the declared shape, whose dimensions must be positive. */
  public static ShapeResult input(String node, List<Integer> shape) {
    if (shape.isEmpty()) {
      return ShapeResult.error("Input.shape", "@Input on '" + node + "' needs at least one dimension, but found"
          + " shape = {}. Give the shape of one example without the batch, e.g. shape = {784}.", "shape");
    }
    if (shape.stream().anyMatch(d -> d < 1)) {
      return ShapeResult.error("Input.shape", "@Input on '" + node + "' needs dimensions >= 1, but found shape = "
          + braces(shape) + ". Use positive sizes; the batch dimension is implicit.", "shape");
    }
    return ShapeLimits.sized("@Input", node, shape.stream().map(Integer::longValue).toList());
  }

  /** {@code @Dense}: {@code [batch, features]} to {@code [batch, units]}. */
  public static ShapeResult dense(String node, int units, NamedShape in) {
    if (units < 1) {
      return ShapeResult.error("Dense.units", "@Dense on '" + node + "' needs units >= 1, but found units = "
          + units + ". Use a positive number of units.", "units");
    }
    if (in.shape().rank() != 2) {
      return ShapeResult.error("Shape.rank", "@Dense on '" + node + "' needs a rank-2 input [batch, features], but '"
          + in.name() + "' is " + in.shape() + "; add @Flatten before it.");
    }
    return ShapeResult.ok(Shape.of(units));
  }

  /** {@code @Flatten}: {@code [batch, d1, ..., dn]} to {@code [batch, d1 * ... * dn]}. */
  public static ShapeResult flatten(String node, NamedShape in) {
    return ShapeLimits.sized("@Flatten", node, List.of(in.shape().size()));
  }

  /** {@code @Dropout}: the input's shape; the rate must lie in {@code [0, 1)}. */
  public static ShapeResult dropout(String node, double rate, NamedShape in) {
    if (!(rate >= 0 && rate < 1)) {
      return ShapeResult.error("Dropout.rate", "@Dropout on '" + node + "' needs a rate in [0, 1), but found value = "
          + rate + ". Use a drop probability such as 0.5.", "value");
    }
    return ShapeResult.ok(in.shape());
  }

  /** {@code @Activation}: the input's shape. */
  public static ShapeResult activation(String node, NamedShape in) {
    return ShapeResult.ok(in.shape());
  }

  /** {@code @Reshape}: the target shape with at most one {@code -1} inferred; element counts must agree. */
  public static ShapeResult reshape(String node, List<Integer> target, NamedShape in) {
    String found = "value = " + braces(target);
    if (target.isEmpty() || target.stream().anyMatch(d -> d == 0 || d < -1)) {
      return ShapeResult.error("Reshape.dim", "@Reshape on '" + node + "' needs dimensions >= 1 (or one -1), but found "
          + found + ". Use positive sizes.", "value");
    }
    long unknown = target.stream().filter(d -> d == -1).count();
    if (unknown > 1) {
      return ShapeResult.error("Reshape.inferred", "@Reshape on '" + node + "' allows at most one -1, but found "
          + unknown + " in " + found + ". Give every size but one.", "value");
    }
    long known = new Shape(target.stream().filter(d -> d != -1).toList()).size();
    long size = in.shape().size();
    if (unknown == 0 ? known != size : size % known != 0) {
      return ShapeResult.error("Reshape.count", "@Reshape on '" + node + "' needs as many elements as its input, but '"
          + in.name() + "' " + in.shape() + " has " + size + " per example and " + found
          + (unknown == 0 ? " has " + known : " does not divide it") + ". Choose sizes whose product is " + size + ".",
          "value");
    }
    List<Integer> dims = new ArrayList<>();
    for (int d : target) {
      dims.add(d == -1 ? (int) (size / known) : d);
    }
    return ShapeResult.ok(new Shape(dims));
  }

  /** {@code @Concatenate}: two or more inputs equal but in the last dimension, which is summed. */
  public static ShapeResult concatenate(String node, List<NamedShape> ins) {
    if (ins.size() < 2) {
      return arity("@Concatenate", node, ins);
    }
    NamedShape first = ins.get(0);
    long last = 0;
    for (NamedShape in : ins) {
      List<Integer> a = first.shape().dims();
      List<Integer> b = in.shape().dims();
      if (a.size() != b.size() || !a.subList(0, a.size() - 1).equals(b.subList(0, b.size() - 1))) {
        return ShapeResult.error("Concatenate.shape", "@Concatenate on '" + node + "' needs inputs equal in all but the"
            + " last dimension, but '" + first.name() + "' is " + first.shape() + " and '" + in.name() + "' is "
            + in.shape() + ". Reshape them to agree.");
      }
      last += in.shape().last();
    }
    List<Long> dims = new ArrayList<>(first.shape().dims().stream().map(Integer::longValue).toList());
    dims.set(dims.size() - 1, last);
    return ShapeLimits.sized("@Concatenate", node, dims);
  }

  /** {@code @Add}: two or more inputs of one shape, which is the output's. */
  public static ShapeResult add(String node, List<NamedShape> ins) {
    if (ins.size() < 2) {
      return arity("@Add", node, ins);
    }
    NamedShape first = ins.get(0);
    for (NamedShape in : ins) {
      if (!in.shape().equals(first.shape())) {
        return ShapeResult.error("Add.shape", "@Add on '" + node + "' needs inputs of one shape, but '" + first.name()
            + "' is " + first.shape() + " and '" + in.name() + "' is " + in.shape()
            + ". Project them to one shape, e.g. with @Dense.");
      }
    }
    return ShapeResult.ok(first.shape());
  }

  /**
   * A sub-model used as a layer: the arguments bind positionally to the sub-model's inputs and must fit them.
   *
   * @param subModel the sub-model's simple name
   * @param expected the sub-model's inputs, in declaration order
   * @param actual the arguments
   * @param output the sub-model's single output
   */
  public static ShapeResult subModel(
      String node, String subModel, List<NamedShape> expected, List<NamedShape> actual, Shape output) {
    if (expected.size() != actual.size()) {
      return ShapeResult.error("SubModel.arity", "Sub-model " + subModel + " on '" + node + "' takes "
          + expected.size() + " input(s) (" + names(expected) + "), but found " + actual.size() + " ("
          + names(actual) + "). Pass one argument per @Input of " + subModel + ".");
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).shape().equals(actual.get(i).shape())) {
        return ShapeResult.error("SubModel.shape", "Sub-model " + subModel + " on '" + node + "' needs input '"
            + expected.get(i).name() + "' shaped " + expected.get(i).shape() + ", but '" + actual.get(i).name()
            + "' is " + actual.get(i).shape() + ". Reshape or project it first.");
      }
    }
    return ShapeResult.ok(output);
  }

  private static ShapeResult arity(String layer, String node, List<NamedShape> ins) {
    return ShapeResult.error("Merge.arity", layer + " on '" + node + "' needs at least 2 inputs, but found "
        + ins.size() + (ins.isEmpty() ? "" : " (" + names(ins) + ")") + ". Add parameters naming the layers to merge.");
  }

  private static String names(List<NamedShape> shapes) {
    return shapes.stream().map(NamedShape::name).collect(Collectors.joining(", "));
  }

  private static String braces(List<Integer> dims) {
    return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
  }
}
