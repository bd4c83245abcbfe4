package dev.deepwire.examples.timeseries;

import dev.deepwire.examples.cnn1d.Sunspots;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.runtime.data.CsvReader;
import dev.deepwire.runtime.data.CsvTable;
import dev.deepwire.runtime.data.DataFormatException;
import dev.deepwire.runtime.data.SeriesScaler;
import dev.deepwire.runtime.data.SeriesWindows;
import dev.deepwire.runtime.data.TimeSplit;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Yearly sunspot numbers 1700–2008 prepared for the recurrent forecasters: the last {@link #TEST_YEARS} years
 * held out, standardised with the training years' statistics, cut into {@link #WINDOW}-year windows.
 *
 * @param series the raw yearly numbers
 * @param split training years, then the held-out ones
 * @param scaler fitted on the training years
 * @param train windows whose target year trains
 * @param test windows whose target year is held out (their history may reach into the training years)
 */
public record SunspotSeries(float[] series, TimeSplit split, SeriesScaler scaler, SeriesWindows.Windows train,
    SeriesWindows.Windows test) {

  /** The input column: {@code [WINDOW, 1]}. */
  public static final String HISTORY = "history";

  /** The target column: {@code [1]}. */
  public static final String NEXT = "next";

  /** Years of history per example. */
  public static final int WINDOW = 12;

  /** Held-out years at the end of the series. */
  public static final int TEST_YEARS = 30;

  /** Reads {@code sunspots.csv} (bundled or statsmodels') and prepares it. */
  public static SunspotSeries load(DataSource source) throws IOException {
    source.require(Sunspots.DATA);
    CsvTable table;
    try (Reader in = new InputStreamReader(source.open(Sunspots.DATA, "sunspots.csv"), StandardCharsets.UTF_8)) {
      table = CsvReader.options().skipLines(1).delimiter(',').read(in, "sunspots.csv");
    }
    if (table.columnCount() != 2) {
      throw new DataFormatException("sunspots.csv", "expected 2 columns (YEAR, SUNACTIVITY), found "
          + table.columnCount());
    }
    float[] series = table.column(1);
    TimeSplit split = TimeSplit.holdOutLast(series.length, TEST_YEARS);
    SeriesScaler scaler = SeriesScaler.fitTraining(series, split);
    float[] scaled = scaler.apply(series);
    SeriesWindows windows = new SeriesWindows(WINDOW, 1, 1);
    return new SunspotSeries(series, split, scaler, windows.train(scaled, split), windows.test(scaled, split));
  }

  /** The RMSE, in sunspot numbers, of forecasting each test year as the year before (persistence). */
  public double persistenceRmse() {
    double sum = 0;
    for (int i = 0; i < test.count(); i++) {
      double d = (test.lastInput(i) - test.targets()[i]) * scaler.std();
      sum += d * d;
    }
    return Math.sqrt(sum / test.count());
  }
}
