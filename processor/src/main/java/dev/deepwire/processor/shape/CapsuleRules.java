package dev.deepwire.processor.shape;

import java.util.List;

/** The shape inference of the capsule and distance layers. Pure functions, as {@link ShapeRules}. */
public final class CapsuleRules {

  private CapsuleRules() {}

  /** {@code @PrimaryCaps}: {@code [batch, h, w, c]} to {@code [batch, h' * w' * channels, dimension]} (VALID). */
  public static ShapeResult primaryCaps(String node, int channels, int dimension, int kernel, int strides,
      NamedShape in) {
    String label = "@PrimaryCaps on '" + node + "'";
    ShapeResult bad = atLeast(label, "PrimaryCaps.channels", "channels", channels, 1);
    bad = bad != null ? bad : atLeast(label, "PrimaryCaps.dimension", "dimension", dimension, 2);
    bad = bad != null ? bad : atLeast(label, "PrimaryCaps.kernel", "kernel", kernel, 1);
    bad = bad != null ? bad : atLeast(label, "PrimaryCaps.strides", "strides", strides, 1);
    if (bad != null) {
      return bad;
    }
    if (in.shape().rank() != 4) {
      return ShapeResult.error("Shape.rank", label + " needs a rank-4 input [batch, height, width, channels], but '"
          + in.name() + "' is " + in.shape() + "; give an image its channel with @Reshape, e.g. {28, 28, 1}.");
    }
    int height = in.shape().dims().get(0);
    int width = in.shape().dims().get(1);
    if (kernel > height || kernel > width) {
      return ShapeResult.error("PrimaryCaps.kernel", label + " needs a kernel that fits its input, but found kernel = "
          + kernel + " on '" + in.name() + "' " + in.shape() + ". Use kernel <= " + Math.min(height, width) + ".",
          "kernel");
    }
    int outHeight = (height - kernel) / strides + 1;
    int outWidth = (width - kernel) / strides + 1;
    return ShapeResult.ok(Shape.of(outHeight * outWidth * channels, dimension));
  }

  /** {@code @Capsules}: {@code [batch, n, d]} to {@code [batch, count, dimension]}. */
  public static ShapeResult capsules(String node, int count, int dimension, int routing, NamedShape in) {
    String label = "@Capsules on '" + node + "'";
    ShapeResult bad = atLeast(label, "Capsules.count", "count", count, 1);
    bad = bad != null ? bad : atLeast(label, "Capsules.dimension", "dimension", dimension, 2);
    bad = bad != null ? bad : atLeast(label, "Capsules.routing", "routing", routing, 1);
    if (bad != null) {
      return bad;
    }
    ShapeResult rank = capsuleInput(label, in);
    return rank != null ? rank : ShapeResult.ok(Shape.of(count, dimension));
  }

  /** {@code @CapsuleLength}: {@code [batch, count, dimension]} to {@code [batch, count]}. */
  public static ShapeResult capsuleLength(String node, NamedShape in) {
    ShapeResult rank = capsuleInput("@CapsuleLength on '" + node + "'", in);
    return rank != null ? rank : ShapeResult.ok(Shape.of(in.shape().dims().get(0)));
  }

  /** {@code @CapsuleMask}: capsules {@code [batch, count, dimension]} and a label {@code [batch, count]}. */
  public static ShapeResult capsuleMask(String node, List<NamedShape> ins) {
    String label = "@CapsuleMask on '" + node + "'";
    if (ins.size() != 2) {
      return ShapeResult.error("CapsuleMask.arity", label + " needs 2 inputs (the capsules and a one-hot label), but"
          + " found " + ins.size() + ". Declare it as 'Tensor " + node + "(Tensor capsules, Tensor label)'.");
    }
    NamedShape capsules = ins.get(0);
    ShapeResult rank = capsuleInput(label, capsules);
    if (rank != null) {
      return rank;
    }
    NamedShape oneHot = ins.get(1);
    int count = capsules.shape().dims().get(0);
    if (!oneHot.shape().equals(Shape.of(count))) {
      return ShapeResult.error("CapsuleMask.label", label + " needs a one-hot label [batch, " + count + "] for the "
          + count + " capsules of '" + capsules.name() + "', but '" + oneHot.name() + "' is " + oneHot.shape()
          + ". Feed the label one-hot, e.g. @Input(shape = " + count + ").");
    }
    return ShapeResult.ok(Shape.of((int) capsules.shape().size()));
  }

  /**
   * {@code @Distance}: two codes to {@code [batch, 1]}, three (anchor, positive, negative) to {@code [batch, 2]};
   * its loss margin must be positive.
   */
  public static ShapeResult distance(String node, double margin, List<NamedShape> ins) {
    String label = "@Distance on '" + node + "'";
    if (!(margin > 0)) {
      return ShapeResult.error("Distance.margin", label + " needs margin > 0, but found margin = " + margin
          + ". Use a positive margin, e.g. 1 for L2 or 0.5 for COSINE.", "margin");
    }
    if (ins.size() != 2 && ins.size() != 3) {
      return ShapeResult.error("Distance.arity", label + " needs 2 inputs (a pair) or 3 (anchor, positive, negative),"
          + " but found " + ins.size() + ". Pass the codes to compare.");
    }
    NamedShape first = ins.get(0);
    for (NamedShape in : ins) {
      if (in.shape().rank() != 2 || !in.shape().equals(first.shape())) {
        return ShapeResult.error("Distance.shape", label + " needs codes of one rank-2 shape [batch, d], but '"
            + first.name() + "' is " + first.shape() + " and '" + in.name() + "' is " + in.shape()
            + ". Flatten or project them to one size, e.g. with @Dense.");
      }
    }
    return ShapeResult.ok(Shape.of(ins.size() - 1));
  }

  private static ShapeResult capsuleInput(String label, NamedShape in) {
    if (in.shape().rank() != 3) {
      return ShapeResult.error("Shape.rank", label + " needs capsules [batch, capsules, dimension], but '" + in.name()
          + "' is " + in.shape() + "; feed it from @PrimaryCaps or @Capsules.");
    }
    return null;
  }

  private static ShapeResult atLeast(String label, String id, String attribute, int value, int minimum) {
    if (value >= minimum) {
      return null;
    }
    return ShapeResult.error(id, label + " needs " + attribute + " >= " + minimum + ", but found " + attribute
        + " = " + value + ". Use " + attribute + " >= " + minimum + ".", attribute);
  }
}
