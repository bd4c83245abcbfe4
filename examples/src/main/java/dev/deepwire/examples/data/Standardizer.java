package dev.deepwire.examples.data;

import dev.deepwire.runtime.data.FloatColumn;
import java.util.Arrays;

/**
 * Per-value shift and scale, {@code (x - mean) / std}, fitted on training data and applied unchanged to
 * test data so that no test statistics leak into training.
 *
 * @param mean the mean of each of an example's values
 * @param std the population standard deviation of each value (1 where a value is constant)
 */
public record Standardizer(float[] mean, float[] std) {

  /** Checks that the two arrays match. */
  public Standardizer {
    if (mean.length != std.length) {
      throw new IllegalArgumentException(mean.length + " means but " + std.length + " standard deviations");
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** Fits one mean and std per value of an example of {@code column}, over all its examples. */
  public static Standardizer fit(FloatColumn column) {
    int width = column.exampleSize();
    int n = column.size();
    if (n == 0) {
      throw new IllegalArgumentException("cannot fit a standardizer on an empty column");
    }
    float[] values = column.values();
    double[] sum = new double[width];
    for (int i = 0; i < values.length; i++) {
      sum[i % width] += values[i];
    }
    double[] squares = new double[width];
    for (int i = 0; i < values.length; i++) {
      double d = values[i] - sum[i % width] / n;
      squares[i % width] += d * d;
    }
    float[] mean = new float[width];
    float[] std = new float[width];
    for (int c = 0; c < width; c++) {
      mean[c] = (float) (sum[c] / n);
      double s = Math.sqrt(squares[c] / n);
      std[c] = s > 1e-12 ? (float) s : 1f;
    }
    return new Standardizer(mean, std);
  }

  /** {@code column} with every value standardized; the shape is kept. */
  public FloatColumn apply(FloatColumn column) {
    int width = mean.length;
    if (column.exampleSize() != width) {
      throw new IllegalArgumentException("fitted on examples of " + width + " values, got "
          + column.exampleSize() + " (shape " + Arrays.toString(column.exampleShape()) + ")");
    }
    float[] values = column.values();
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (values[i] - mean[i % width]) / std[i % width];
    }
    return new FloatColumn(out, column.exampleShape());
  }

  /** Undoes {@link #apply} for value {@code index} of an example: {@code z * std + mean}. */
  public float invert(float z, int index) {
    return z * std[index] + mean[index];
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  @Override
  public float[] std() {
    return std.clone();
  }

  @Override
  public String toString() {
    return "Standardizer[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
  }
}
