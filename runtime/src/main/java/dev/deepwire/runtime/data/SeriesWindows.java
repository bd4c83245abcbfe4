package dev.deepwire.runtime.data;

/**
 * Sliding windows over a series: each example is {@code inputWidth} consecutive values and its target the value
 * {@code horizon} steps after the window's last one.
 *
 * <p>Windows are chosen by their target's index, so a {@link TimeSplit} cuts them cleanly: training windows
 * have targets before {@code trainEnd}, test windows at or after it (their inputs may reach back into the
 * training period, as a real forecast's history does).
 *
 * @param inputWidth values per window
 * @param horizon steps from the last input to the target (1 = the next value)
 * @param stride steps between consecutive windows' targets
 */
public record SeriesWindows(int inputWidth, int horizon, int stride) {

  /** Checks the settings. */
  public SeriesWindows {
    if (inputWidth < 1 || horizon < 1 || stride < 1) {
      throw new IllegalArgumentException("windows need inputWidth, horizon and stride >= 1, got " + inputWidth + ", "
          + horizon + ", " + stride);
    }
  }

  /** The windows whose targets lie in {@code [fromTarget, toTarget)}, the first ones dropped if they lack inputs. */
  public Windows cut(float[] series, int fromTarget, int toTarget) {
    int first = Math.max(fromTarget, inputWidth + horizon - 1);
    int to = Math.min(toTarget, series.length);
    int count = first >= to ? 0 : (to - first + stride - 1) / stride;
    float[] inputs = new float[count * inputWidth];
    float[] targets = new float[count];
    int[] targetIndex = new int[count];
    for (int i = 0; i < count; i++) {
      int target = first + i * stride;
      System.arraycopy(series, target - horizon - inputWidth + 1, inputs, i * inputWidth, inputWidth);
      targets[i] = series[target];
      targetIndex[i] = target;
    }
    return new Windows(inputWidth, inputs, targets, targetIndex);
  }

  /** The training windows of {@code split}. */
  public Windows train(float[] series, TimeSplit split) {
    return cut(series, 0, split.trainEnd());
  }

  /** The test windows of {@code split}. */
  public Windows test(float[] series, TimeSplit split) {
    return cut(series, split.trainEnd(), split.length());
  }

  /**
   * Windows cut from a series.
   *
   * @param inputs {@code count × width} values, row-major
   * @param targetIndex each target's index in the series
   */
  public record Windows(int width, float[] inputs, float[] targets, int[] targetIndex) {

    /** The number of windows. */
    public int count() {
      return targets.length;
    }

    /** The last input value of window {@code i}: the persistence forecast when the horizon is 1. */
    public float lastInput(int i) {
      return inputs[i * width + width - 1];
    }

    /**
     * A dataset with column {@code inputName} of example shape {@code [width, 1]} (time, one feature) and
     * {@code targetName} of shape {@code [1]}.
     */
    public Dataset toDataset(String inputName, String targetName) {
      return Dataset.builder().floats(inputName, inputs, width, 1).floats(targetName, targets, 1).build();
    }
  }
}
