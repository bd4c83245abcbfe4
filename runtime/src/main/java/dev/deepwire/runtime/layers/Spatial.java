package dev.deepwire.runtime.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** Helpers of the spatial layers: spatial rank of an input, per-dimension settings, NHWC attribute lists. */
final class Spatial {

  private Spatial() {}

  /**
   * The number of spatial dimensions of a channels-last input {@code [batch, d1, ..., dn, channels]}, checked
   * against {@code min..max} and with every dimension but the batch known.
   */
  static int rank(String layer, LayerScope scope, Operand<TFloat32> input, int min, int max) {
    Shape shape = input.shape();
    int n = shape.isUnknown() ? -1 : shape.numDimensions() - 2;
    boolean known = n >= min && n <= max;
    for (int i = 1; known && i < shape.numDimensions(); i++) {
      known = shape.get(i) >= 0;
    }
    if (!known) {
      String ranks = min == max ? String.valueOf(min + 2) : (min + 2) + " to " + (max + 2);
      throw new IllegalArgumentException(layer + " '" + scope.path() + "' needs a rank-" + ranks
          + " input [batch, spatial..., channels] with known sizes, got " + shape);
    }
    return n;
  }

  /** {@code values} for each of {@code n} dimensions: one value repeated, or exactly {@code n}. */
  static int[] perDimension(String layer, String setting, int[] values, int n, int min) {
    int[] out;
    if (values.length == 1) {
      out = new int[n];
      Arrays.fill(out, values[0]);
    } else if (values.length == n) {
      out = values.clone();
    } else {
      throw new IllegalArgumentException(layer + " " + setting + " needs 1 or " + n + " values, got "
          + Arrays.toString(values));
    }
    for (int v : out) {
      if (v < min) {
        throw new IllegalArgumentException(layer + " " + setting + " must be >= " + min + ", got "
            + Arrays.toString(values));
      }
    }
    return out;
  }

  /** Checks a setting's values before the rank is known: one or more, each at least {@code min}. */
  static int[] require(String layer, String setting, int[] values, int min) {
    if (values.length == 0) {
      throw new IllegalArgumentException(layer + " " + setting + " needs at least one value, got none");
    }
    return perDimension(layer, setting, values, values.length, min);
  }

  /** The NHWC attribute list {@code [1, v1, ..., vn, 1]}. */
  static List<Long> nhwc(int[] values) {
    List<Long> out = new ArrayList<>();
    out.add(1L);
    for (int v : values) {
      out.add((long) v);
    }
    out.add(1L);
    return out;
  }

  /** {@code values} with a leading 1, for running a 1D op as 2D over a height of one. */
  static int[] withLeadingOne(int[] values) {
    int[] out = new int[values.length + 1];
    out[0] = 1;
    System.arraycopy(values, 0, out, 1, values.length);
    return out;
  }
}
