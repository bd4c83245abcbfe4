package dev.deepwire.runtime.data;

/**
 * Standardisation {@code (x − mean) / std} of a series, fitted on its training part only so no statistic of the
 * test period leaks into training.
 *
 * @param mean the training part's mean
 * @param std the training part's (population) standard deviation, positive
 */
public record SeriesScaler(double mean, double std) {

  /** Checks the scale. */
  public SeriesScaler {
    if (!(std > 0) || Double.isInfinite(std)) {
      throw new IllegalArgumentException("a scaler needs a positive finite std, got " + std);
    }
  }

  /** Fits on {@code series[from, to)}; a constant part gets std 1. */
  public static SeriesScaler fit(float[] series, int from, int to) {
    if (from < 0 || to > series.length || to - from < 1) {
      throw new IllegalArgumentException("cannot fit on [" + from + ", " + to + ") of " + series.length + " values");
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += series[i];
    }
    double mean = sum / (to - from);
    double squares = 0;
    for (int i = from; i < to; i++) {
      squares += (series[i] - mean) * (series[i] - mean);
    }
    double std = Math.sqrt(squares / (to - from));
    return new SeriesScaler(mean, std > 0 ? std : 1);
  }

  /** Fits on the training part of {@code split}. */
  public static SeriesScaler fitTraining(float[] series, TimeSplit split) {
    return fit(series, 0, split.trainEnd());
  }

  /** The standardised copy of {@code series}. */
  public float[] apply(float[] series) {
    float[] out = new float[series.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) ((series[i] - mean) / std);
    }
    return out;
  }

  /** A standardised value back in the series' units. */
  public double invert(double scaled) {
    return scaled * std + mean;
  }
}
