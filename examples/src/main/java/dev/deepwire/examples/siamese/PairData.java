package dev.deepwire.examples.siamese;

import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.data.Dataset;

/**
 * Pairs for a Siamese example, each set with columns {@code left}, {@code right} and {@code distance} (the
 * contrastive target: 1 for a matching pair, 0 otherwise).
 *
 * @param train the pairs to fit on
 * @param validation held-out pairs that choose the decision threshold
 * @param test held-out pairs to report on
 */
public record PairData(Dataset train, Dataset validation, Dataset test) {

  /** The left column. */
  public static final String LEFT = "left";
  /** The right column. */
  public static final String RIGHT = "right";
  /** The target column, named like the model's distance output. */
  public static final String SAME = "distance";

  /** Training and test pairs in the shape {@code Reports} takes. */
  public TrainTest trainTest() {
    return new TrainTest(train, test);
  }
}
