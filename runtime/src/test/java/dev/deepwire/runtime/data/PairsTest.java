package dev.deepwire.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pair and triplet samplers: balance, label rules, hard negatives, determinism, datasets. */
class PairsTest {

  /** Labels 0..3, ten examples each; example i's code is its index, so closeness is |i - j|. */
  static final int[] LABELS = new int[40];
  static final float[][] CODES = new float[40][];

  static {
    for (int i = 0; i < 40; i++) {
      LABELS[i] = i / 10;
      CODES[i] = new float[] {i};
    }
  }

  @Test
  void balancedPairsAlternateMatchingAndNonMatchingPartners() {
    Pairs pairs = Pairs.balanced(LABELS, 1000, 3);
    int matching = 0;
    for (int i = 0; i < pairs.size(); i++) {
      boolean same = LABELS[pairs.left()[i]] == LABELS[pairs.right()[i]];
      assertEquals(same ? 1f : 0f, pairs.same()[i]);
      assertNotEquals(pairs.left()[i], pairs.right()[i]);
      matching += same ? 1 : 0;
    }
    assertEquals(500, matching);
    assertArrayEquals(pairs.left(), Pairs.balanced(LABELS, 1000, 3).left(), "same seed, same pairs");
  }

  @Test
  void hardNegativesAreCloserThanRandomOnes() {
    Pairs random = Pairs.balanced(LABELS, 2000, 5);
    Pairs hard = Pairs.hardNegatives(LABELS, CODES, 2000, 8, 5);
    assertTrue(meanNegativeGap(hard.left(), hard.right(), hard.same()) < 0.6
        * meanNegativeGap(random.left(), random.right(), random.same()));
    for (int i = 0; i < hard.size(); i++) {
      assertEquals(hard.same()[i] == 1, LABELS[hard.left()[i]] == LABELS[hard.right()[i]]);
    }
  }

  @Test
  void tripletsHaveAPositiveAndANegativeOfTheRightLabels() {
    Triplets random = Triplets.random(LABELS, 500, 1);
    Triplets hard = Triplets.hardNegatives(LABELS, CODES, 500, 8, 1);
    for (Triplets t : new Triplets[] {random, hard}) {
      for (int i = 0; i < t.size(); i++) {
        assertEquals(LABELS[t.anchor()[i]], LABELS[t.positive()[i]]);
        assertNotEquals(t.anchor()[i], t.positive()[i]);
        assertNotEquals(LABELS[t.anchor()[i]], LABELS[t.negative()[i]]);
      }
    }
    float[] ones = new float[500];
    java.util.Arrays.fill(ones, 0f);
    assertTrue(meanNegativeGap(hard.anchor(), hard.negative(), ones)
        < 0.6 * meanNegativeGap(random.anchor(), random.negative(), ones));
  }

  @Test
  void datasetsHoldThePairedExamples() {
    Dataset examples = Dataset.builder().floats("x", new float[] {0, 1, 10, 11, 20, 21}, 2).build();
    int[] labels = {0, 0, 1};
    Pairs pairs = Pairs.balanced(labels, 4, 2);
    Dataset data = pairs.toDataset(examples, "x", "left", "right", "same");
    assertEquals(4, data.size());
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(examples.floats("x").example(pairs.left()[i]), data.floats("left").example(i));
      assertArrayEquals(examples.floats("x").example(pairs.right()[i]), data.floats("right").example(i));
      assertEquals(pairs.same()[i], data.floats("same").values()[i]);
    }
    Dataset triplets = Triplets.random(labels, 3, 2).toDataset(examples, "x", "a", "p", "n");
    assertEquals(java.util.Set.of("a", "p", "n"), triplets.columnNames());
  }

  @Test
  void oneLabelCannotMakeNegatives() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Pairs.balanced(new int[] {1, 1, 1}, 2, 1));
    assertTrue(e.getMessage().contains("at least two labels"), e.getMessage());
  }

  private static double meanNegativeGap(int[] left, int[] right, float[] same) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < left.length; i++) {
      if (same[i] == 0) {
        sum += Math.abs(left[i] - right[i]);
        n++;
      }
    }
    return sum / n;
  }
}
