package dev.deepwire.examples.data;

import dev.deepwire.runtime.data.Dataset;

/**
 * A data set's training and test parts, with the same columns.
 *
 * @param train the examples to fit on
 * @param test the held-out examples to report on
 */
public record TrainTest(Dataset train, Dataset test) {

  /** Checks that both parts are present. */
  public TrainTest {
    if (train == null || test == null) {
      throw new IllegalArgumentException("train and test must not be null");
    }
  }
}
