package dev.deepwire.processor.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape inference of the spatial (channels-last) layers: convolutions, pooling, padding, upsampling,
 * batch normalisation. Pure functions, as {@link ShapeRules}.
 */
public final class SpatialRules {

  private SpatialRules() {}

  /**
   * {@code @Conv}: {@code [batch, d1..dn, c]} (n = 1..3) to {@code [batch, d1'..dn', filters]}.
   *
   * @param kernel one size or one per spatial dimension; likewise {@code strides} and {@code dilation}
   */
  public static ShapeResult conv(String node, int filters, List<Integer> kernel, List<Integer> strides,
      List<Integer> dilation, String padding, NamedShape in) {
    String label = "@Conv";
    if (filters < 1) {
      return ShapeResult.error("Conv.filters", label + " on '" + node + "' needs filters >= 1, but found filters = "
          + filters + ". Use a positive number of filters.", "filters");
    }
    ShapeResult bad = positive(label, node, "Conv", "kernel", kernel, 1);
    bad = bad != null ? bad : positive(label, node, "Conv", "strides", strides, 1);
    bad = bad != null ? bad : positive(label, node, "Conv", "dilation", dilation, 1);
    if (bad != null) {
      return bad;
    }
    ShapeResult rank = spatialRank(label, node, in, 1, 3);
    if (rank != null) {
      return rank;
    }
    int n = in.shape().rank() - 2;
    ShapeResult counts = count(label, node, "Conv", "kernel", kernel, n, in);
    counts = counts != null ? counts : count(label, node, "Conv", "strides", strides, n, in);
    counts = counts != null ? counts : count(label, node, "Conv", "dilation", dilation, n, in);
    if (counts != null) {
      return counts;
    }
    List<Integer> span = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      span.add((int) Math.min(Integer.MAX_VALUE, (at(kernel, i) - 1L) * at(dilation, i) + 1));
    }
    ShapeResult fits = fits(label, node, "Conv.kernel", "kernel", "kernel", span, padding, in,
        "Use a smaller kernel, padding = SAME, or less downsampling before it.");
    if (fits != null) {
      return fits;
    }
    return ShapeLimits.sized(label, node, windowed(in.shape(), span, strides, padding, filters));
  }

  /** {@code @ConvTranspose}: {@code [batch, h, w, c]} to {@code [batch, h', w', filters]}. */
  public static ShapeResult convTranspose(String node, int filters, List<Integer> kernel, List<Integer> strides,
      String padding, NamedShape in) {
    String label = "@ConvTranspose";
    if (filters < 1) {
      return ShapeResult.error("ConvTranspose.filters", label + " on '" + node + "' needs filters >= 1, but found"
          + " filters = " + filters + ". Use a positive number of filters.", "filters");
    }
    ShapeResult bad = positive(label, node, "ConvTranspose", "kernel", kernel, 1);
    bad = bad != null ? bad : positive(label, node, "ConvTranspose", "strides", strides, 1);
    if (bad != null) {
      return bad;
    }
    ShapeResult rank = spatialRank(label, node, in, 2, 2);
    if (rank != null) {
      return rank;
    }
    ShapeResult counts = count(label, node, "ConvTranspose", "kernel", kernel, 2, in);
    counts = counts != null ? counts : count(label, node, "ConvTranspose", "strides", strides, 2, in);
    if (counts != null) {
      return counts;
    }
    List<Long> dims = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      long size = in.shape().dims().get(i);
      long s = at(strides, i);
      dims.add(padding.equals("SAME") ? size * s : size * s + Math.max(at(kernel, i) - s, 0));
    }
    dims.add((long) filters);
    return ShapeLimits.sized(label, node, dims);
  }

  /**
   * {@code @MaxPool} / {@code @AvgPool}: {@code [batch, d1..dn, c]} to {@code [batch, d1'..dn', c]}.
   *
   * @param label {@code @MaxPool} or {@code @AvgPool}
   * @param strides empty for the window
   */
  public static ShapeResult pool(String label, String node, List<Integer> window, List<Integer> strides,
      String padding, NamedShape in) {
    if (window.isEmpty()) {
      return ShapeResult.error("Pool.window", label + " on '" + node + "' needs a window size, but found value = {}."
          + " Give one size such as 2, or one per spatial dimension.", "value");
    }
    ShapeResult bad = positive(label, node, "Pool", "value", window, 1);
    bad = bad != null ? bad : positive(label, node, "Pool", "strides", strides, 1);
    if (bad != null) {
      return bad;
    }
    ShapeResult rank = spatialRank(label, node, in, 1, 3);
    if (rank != null) {
      return rank;
    }
    int n = in.shape().rank() - 2;
    ShapeResult counts = count(label, node, "Pool", "value", window, n, in);
    counts = counts != null || strides.isEmpty() ? counts : count(label, node, "Pool", "strides", strides, n, in);
    if (counts != null) {
      return counts;
    }
    List<Integer> span = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      span.add(at(window, i));
    }
    ShapeResult fits = fits(label, node, "Pool.window", "window", "value", span, padding, in,
        "Use a smaller window, padding = SAME, or remove this pooling.");
    if (fits != null) {
      return fits;
    }
    return ShapeLimits.sized(label, node, windowed(in.shape(), span, strides.isEmpty() ? window : strides, padding,
        in.shape().last()));
  }

  /** {@code @GlobalMaxPool} / {@code @GlobalAvgPool}: {@code [batch, d1..dn, c]} to {@code [batch, c]}. */
  public static ShapeResult globalPool(String label, String node, NamedShape in) {
    ShapeResult rank = spatialRank(label, node, in, 1, Integer.MAX_VALUE);
    return rank != null ? rank : ShapeResult.ok(Shape.of(in.shape().last()));
  }

  /** {@code @BatchNorm}: the input's shape; momentum in {@code [0, 1)}, epsilon positive. */
  public static ShapeResult batchNorm(String node, double momentum, double epsilon, NamedShape in) {
    if (!(momentum >= 0 && momentum < 1)) {
      return ShapeResult.error("BatchNorm.momentum", "@BatchNorm on '" + node + "' needs a momentum in [0, 1), but"
          + " found momentum = " + momentum + ". Use a decay such as 0.99.", "momentum");
    }
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      return ShapeResult.error("BatchNorm.epsilon", "@BatchNorm on '" + node + "' needs an epsilon > 0, but found"
          + " epsilon = " + epsilon + ". Use a small positive value such as 1e-3.", "epsilon");
    }
    return ShapeResult.ok(in.shape());
  }

  /** {@code @ZeroPadding}: each spatial size grows by twice its padding. */
  public static ShapeResult zeroPadding(String node, List<Integer> padding, NamedShape in) {
    String label = "@ZeroPadding";
    ShapeResult bad = padding.isEmpty() ? ShapeResult.error("ZeroPadding.value", label + " on '" + node
        + "' needs a padding, but found value = {}. Give one amount such as 1, or one per spatial dimension.",
        "value") : positive(label, node, "ZeroPadding", "value", padding, 0);
    // TensorFlow's Pad kernel takes at most rank 6: batch, four spatial dimensions and channels.
    bad = bad != null ? bad : spatialRank(label, node, in, 1, 4);
    bad = bad != null ? bad : count(label, node, "ZeroPadding", "value", padding, in.shape().rank() - 2, in);
    if (bad != null) {
      return bad;
    }
    List<Long> dims = longs(in.shape());
    for (int i = 0; i < dims.size() - 1; i++) {
      dims.set(i, dims.get(i) + 2L * at(padding, i));
    }
    return ShapeLimits.sized(label, node, dims);
  }

  /** {@code @UpSampling}: each spatial size is multiplied by its factor. */
  public static ShapeResult upSampling(String node, List<Integer> factors, NamedShape in) {
    String label = "@UpSampling";
    ShapeResult bad = factors.isEmpty() ? ShapeResult.error("UpSampling.value", label + " on '" + node
        + "' needs a factor, but found value = {}. Give one factor such as 2, or one per spatial dimension.",
        "value") : positive(label, node, "UpSampling", "value", factors, 1);
    bad = bad != null ? bad : spatialRank(label, node, in, 1, Integer.MAX_VALUE);
    bad = bad != null ? bad : count(label, node, "UpSampling", "value", factors, in.shape().rank() - 2, in);
    if (bad != null) {
      return bad;
    }
    List<Long> dims = longs(in.shape());
    for (int i = 0; i < dims.size() - 1; i++) {
      dims.set(i, dims.get(i) * (long) at(factors, i));
    }
    return ShapeLimits.sized(label, node, dims);
  }

  /** {@code @SpatialDropout}: the input's shape, which needs spatial dimensions; rate in {@code [0, 1)}. */
  public static ShapeResult spatialDropout(String node, double rate, NamedShape in) {
    if (!(rate >= 0 && rate < 1)) {
      return ShapeResult.error("SpatialDropout.rate", "@SpatialDropout on '" + node + "' needs a rate in [0, 1), but"
          + " found value = " + rate + ". Use a drop probability such as 0.2.", "value");
    }
    ShapeResult rank = spatialRank("@SpatialDropout", node, in, 1, Integer.MAX_VALUE);
    return rank != null ? rank : ShapeResult.ok(in.shape());
  }

  /** A rank error unless {@code in} has {@code min..max} spatial dimensions (plus batch and channels). */
  private static ShapeResult spatialRank(String label, String node, NamedShape in, int min, int max) {
    int n = in.shape().rank() - 2;
    if (n >= min && n <= max) {
      return null;
    }
    String wanted = min == max ? "a rank-" + (min + 2) + " input " + layout(min)
        : max == Integer.MAX_VALUE ? "an input with spatial dimensions [batch, spatial..., channels]"
        : "a rank-" + (min + 2) + " to " + (max + 2) + " input [batch, spatial..., channels]";
    String fix = n < min ? "add @Reshape(" + reshapeHint(in.shape(), min) + ") before it." : "reshape or pool it first.";
    return ShapeResult.error("Shape.rank", label + " on '" + node + "' needs " + wanted + ", but '" + in.name()
        + "' is " + in.shape() + "; " + fix);
  }

  private static String layout(int n) {
    return switch (n) {
      case 1 -> "[batch, steps, channels]";
      case 2 -> "[batch, height, width, channels]";
      default -> "[batch, depth, height, width, channels]";
    };
  }

  /** A plausible reshape: a square image with one channel, a volume, or the shape plus one channel. */
  private static String reshapeHint(Shape shape, int minSpatial) {
    List<Integer> dims = new ArrayList<>(shape.dims());
    if (dims.size() == 1 && minSpatial <= 2) {
      int side = (int) Math.round(Math.sqrt(dims.get(0)));
      if (side * side == dims.get(0) && side > 1) {
        dims = new ArrayList<>(List.of(side, side));
      }
    }
    while (dims.size() < minSpatial) {
      dims.add(1);
    }
    dims.add(1);
    return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
  }

  /** An error on {@code attribute} unless every value is at least {@code min}. */
  private static ShapeResult positive(String label, String node, String family, String attribute,
      List<Integer> values, int min) {
    if (values.stream().allMatch(v -> v >= min)) {
      return null;
    }
    String what = attribute.equals("value") ? (family.equals("Pool") ? "window sizes" : "values") : attribute;
    return ShapeResult.error(family + "." + (attribute.equals("value") && family.equals("Pool") ? "window" : attribute),
        label + " on '" + node + "' needs " + what + " >= " + min + ", but found " + attribute + " = "
        + braces(values) + ". Use " + (min == 0 ? "non-negative" : "positive") + " values.", attribute);
  }

  /** An error on {@code attribute} unless it has 1 or {@code n} values. */
  private static ShapeResult count(String label, String node, String family, String attribute, List<Integer> values,
      int n, NamedShape in) {
    if (values.size() == 1 || values.size() == n) {
      return null;
    }
    return ShapeResult.error(family + "." + (attribute.equals("value") && family.equals("Pool") ? "window" : attribute),
        label + " on '" + node + "' needs 1 or " + n + " values of " + attribute + " for its " + n + "D input '"
        + in.name() + "' " + in.shape() + ", but found " + attribute + " = " + braces(values)
        + ". Give one value, or one per spatial dimension.", attribute);
  }

  /** With VALID padding, an error unless each window span fits its spatial size. */
  private static ShapeResult fits(String label, String node, String id, String what, String attribute,
      List<Integer> span, String padding, NamedShape in, String fix) {
    if (!padding.equals("VALID")) {
      return null;
    }
    List<Integer> spatial = in.shape().dims().subList(0, span.size());
    for (int i = 0; i < span.size(); i++) {
      if (span.get(i) > spatial.get(i)) {
        return ShapeResult.error(id, label + " on '" + node + "' needs a " + what + " no larger than its input, but"
            + " found a " + times(span) + " " + what + " on '" + in.name() + "' " + in.shape() + " (spatial "
            + times(spatial) + ") with padding = VALID. " + fix, attribute);
      }
    }
    return null;
  }

  /** The output of sliding windows of {@code span} with {@code strides} over {@code in}, then {@code channels}. */
  private static List<Long> windowed(Shape in, List<Integer> span, List<Integer> strides, String padding,
      int channels) {
    List<Long> dims = new ArrayList<>();
    for (int i = 0; i < span.size(); i++) {
      long size = in.dims().get(i);
      long extent = padding.equals("SAME") ? size : size - span.get(i) + 1;
      long s = at(strides, i);
      dims.add((extent + s - 1) / s);
    }
    dims.add((long) channels);
    return dims;
  }

  private static List<Long> longs(Shape shape) {
    return new ArrayList<>(shape.dims().stream().map(Integer::longValue).toList());
  }

  private static int at(List<Integer> values, int i) {
    return values.size() == 1 ? values.get(0) : values.get(i);
  }

  private static String times(List<Integer> dims) {
    return dims.stream().map(String::valueOf).collect(Collectors.joining(" x "));
  }

  private static String braces(List<Integer> dims) {
    return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
  }
}
