package dev.deepwire.runtime.data;

/**
 * A time-ordered split of a series of {@code length} values: indices {@code [0, trainEnd)} train and
 * {@code [trainEnd, length)} test, so a model is tested on the future only, never on interpolations.
 *
 * @param length the number of values in the series
 * @param trainEnd the first test index
 */
public record TimeSplit(int length, int trainEnd) {

  /** Checks that both parts are non-empty. */
  public TimeSplit {
    if (trainEnd < 1 || trainEnd >= length) {
      throw new IllegalArgumentException("a time split needs 1 <= trainEnd < length, got trainEnd " + trainEnd
          + " of " + length);
    }
  }

  /** Holds out the last {@code testCount} values. */
  public static TimeSplit holdOutLast(int length, int testCount) {
    return new TimeSplit(length, length - testCount);
  }

  /** The number of test values. */
  public int testCount() {
    return length - trainEnd;
  }
}
