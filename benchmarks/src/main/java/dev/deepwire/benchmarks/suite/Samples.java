package dev.deepwire.benchmarks.suite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics of repeated measurements: medians resist the odd run a busy machine slows down. */
public final class Samples {

  private Samples() {}

  public static double median(List<Double> values) {
    return quantile(values, 0.5);
  }

  public static double min(List<Double> values) {
    return Collections.min(values);
  }

  public static double max(List<Double> values) {
    return Collections.max(values);
  }

  /** The {@code q} quantile, interpolating between neighbours ({@code q = 0.5} is the median). */
  public static double quantile(List<Double> values, double q) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double position = q * (sorted.size() - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.size() - 1);
    return sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
  }
}
