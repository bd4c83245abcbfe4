package dev.deepwire.examples.cnn1d;

import dev.deepwire.examples.data.DataSet;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.data.CsvReader;
import dev.deepwire.runtime.data.CsvTable;
import dev.deepwire.runtime.data.DataFormatException;
import dev.deepwire.runtime.data.Dataset;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Yearly sunspot numbers 1700–2008 as windows: column {@code "history"} holds the {@link #WINDOW} years
 * before a target year (example shape {@code {24, 1}}) and {@code "next"} that year's number (shape
 * {@code {1}}), both divided by {@link #SCALE}. Target years up to {@link #LAST_TRAIN_YEAR} train, later
 * ones test: the test is a forecast of the future, never an interpolation.
 */
public final class Sunspots {

  /** The input column. */
  public static final String HISTORY = "history";

  /** The target column. */
  public static final String NEXT = "next";

  /** Years of history per example. */
  public static final int WINDOW = 24;

  /** The last target year of the training part. */
  public static final int LAST_TRAIN_YEAR = 1929;

  /** Sunspot numbers are divided by this, so values lie mostly in [0, 2]. */
  public static final float SCALE = 100f;

  /** {@code sunspots.csv}: bundled, or statsmodels' copy. */
  public static final DataSet DATA = new DataSet(
      "Yearly sunspot numbers (SIDC, via statsmodels)",
      "/dev/deepwire/examples/data/sunspots",
      Path.of("/usr/lib/python3/dist-packages/statsmodels/datasets/sunspots"),
      "apt-get install python3-statsmodels",
      List.of("sunspots.csv"));

  private Sunspots() {}

  /** Reads the series and cuts it into training and test windows. */
  public static TrainTest load(DataSource source) throws IOException {
    source.require(DATA);
    CsvTable table;
    try (Reader in = new InputStreamReader(source.open(DATA, "sunspots.csv"), StandardCharsets.UTF_8)) {
      table = CsvReader.options().skipLines(1).delimiter(',').read(in, "sunspots.csv");
    }
    if (table.columnCount() != 2) {
      throw new DataFormatException("sunspots.csv", "expected 2 columns (YEAR, SUNACTIVITY), found "
          + table.columnCount());
    }
    float[] years = table.column(0);
    float[] activity = table.column(1);
    int trainCount = 0;
    for (int t = WINDOW; t < years.length; t++) {
      trainCount += years[t] <= LAST_TRAIN_YEAR ? 1 : 0;
    }
    return new TrainTest(windows(activity, WINDOW, WINDOW + trainCount),
        windows(activity, WINDOW + trainCount, activity.length));
  }

  /** The windows whose targets are {@code series[from..to)}. */
  private static Dataset windows(float[] series, int from, int to) {
    int n = to - from;
    float[] history = new float[n * WINDOW];
    float[] next = new float[n];
    for (int i = 0; i < n; i++) {
      int t = from + i;
      for (int j = 0; j < WINDOW; j++) {
        history[i * WINDOW + j] = series[t - WINDOW + j] / SCALE;
      }
      next[i] = series[t] / SCALE;
    }
    return Dataset.builder().floats(HISTORY, history, WINDOW, 1).floats(NEXT, next, 1).build();
  }

  /** The test RMSE, in sunspot numbers, of predicting each year as the year before (persistence). */
  public static double persistenceRmse(Dataset test) {
    float[] history = test.floats(HISTORY).values();
    float[] next = test.floats(NEXT).values();
    double sum = 0;
    for (int i = 0; i < next.length; i++) {
      double d = (history[i * WINDOW + WINDOW - 1] - next[i]) * SCALE;
      sum += d * d;
    }
    return Math.sqrt(sum / next.length);
  }
}
