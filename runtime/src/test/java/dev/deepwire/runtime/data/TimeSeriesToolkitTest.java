package dev.deepwire.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Windows, the time-ordered split and the training-only scaler on tiny series. */
class TimeSeriesToolkitTest {

  static final float[] SERIES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

  @Test
  void windowsTakeWidthValuesAndTheTargetHorizonStepsLater() {
    SeriesWindows.Windows all = new SeriesWindows(3, 1, 1).cut(SERIES, 0, SERIES.length);
    assertEquals(7, all.count());
    assertArrayEquals(new float[] {0, 1, 2}, java.util.Arrays.copyOfRange(all.inputs(), 0, 3));
    assertEquals(3f, all.targets()[0]);
    assertEquals(2f, all.lastInput(0));
    assertArrayEquals(new int[] {3, 4, 5, 6, 7, 8, 9}, all.targetIndex());

    SeriesWindows.Windows far = new SeriesWindows(2, 3, 2).cut(SERIES, 0, SERIES.length);
    assertArrayEquals(new int[] {4, 6, 8}, far.targetIndex());
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, far.inputs());
    assertArrayEquals(new float[] {4, 6, 8}, far.targets());
  }

  @Test
  void splitKeepsTestTargetsInTheFuture() {
    TimeSplit split = TimeSplit.holdOutLast(SERIES.length, 3);
    assertEquals(7, split.trainEnd());
    assertEquals(3, split.testCount());
    SeriesWindows windows = new SeriesWindows(4, 1, 1);
    assertArrayEquals(new int[] {4, 5, 6}, windows.train(SERIES, split).targetIndex());
    SeriesWindows.Windows test = windows.test(SERIES, split);
    assertArrayEquals(new int[] {7, 8, 9}, test.targetIndex());
    assertArrayEquals(new float[] {3, 4, 5, 6}, java.util.Arrays.copyOfRange(test.inputs(), 0, 4));
    Dataset data = test.toDataset("x", "y");
    assertEquals(3, data.size());
    assertThrows(IllegalArgumentException.class, () -> TimeSplit.holdOutLast(10, 10));
    assertThrows(IllegalArgumentException.class, () -> new SeriesWindows(0, 1, 1));
  }

  @Test
  void scalerIsFittedOnTheTrainingPartOnly() {
    TimeSplit split = TimeSplit.holdOutLast(SERIES.length, 6);
    SeriesScaler scaler = SeriesScaler.fitTraining(SERIES, split);
    // training part 0, 1, 2, 3: mean 1.5, population std sqrt(1.25)
    assertEquals(1.5, scaler.mean(), 1e-12);
    assertEquals(Math.sqrt(1.25), scaler.std(), 1e-12);
    float[] scaled = scaler.apply(SERIES);
    assertEquals((9 - 1.5) / Math.sqrt(1.25), scaled[9], 1e-6);
    assertEquals(9, scaler.invert(scaled[9]), 1e-5);
    assertEquals(1, SeriesScaler.fit(new float[] {4, 4}, 0, 2).std());
  }
}
