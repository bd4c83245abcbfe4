package dev.deepwire.runtime.data;

import java.util.SplittableRandom;

/**
 * Example triplets for a triplet loss: an anchor, a positive of its label and a negative of another label.
 */
public record Triplets(int[] anchor, int[] positive, int[] negative) {

  public Triplets {
    if (anchor.length != positive.length || anchor.length != negative.length) {
      throw new IllegalArgumentException("anchor, positive and negative need one entry per triplet, got "
          + anchor.length + ", " + positive.length + ", " + negative.length);
    }
  }

  /** {@code count} triplets with random positives and negatives. */
  public static Triplets random(int[] labels, int count, long seed) {
    return draw(labels, count, seed, null, 0);
  }

  /**
   * Triplets whose negative is the closest to the anchor's code among {@code candidates} random examples of
   * other labels (hard negatives).
   */
  public static Triplets hardNegatives(int[] labels, float[][] codes, int count, int candidates, long seed) {
    LabelIndex.checkCodes(labels, codes, candidates);
    return draw(labels, count, seed, codes, candidates);
  }

  private static Triplets draw(int[] labels, int count, long seed, float[][] codes, int candidates) {
    LabelIndex index = new LabelIndex(labels);
    SplittableRandom random = new SplittableRandom(seed);
    int[] anchor = new int[count];
    int[] positive = new int[count];
    int[] negative = new int[count];
    for (int i = 0; i < count; i++) {
      anchor[i] = index.anchor(random);
      positive[i] = index.positive(anchor[i], random);
      negative[i] = codes == null ? index.negative(anchor[i], random)
          : index.hardNegative(anchor[i], codes, candidates, random);
    }
    return new Triplets(anchor, positive, negative);
  }

  /** The number of triplets. */
  public int size() {
    return anchor.length;
  }

  /** A dataset of {@code column} of {@code examples} under the three given names. */
  public Dataset toDataset(Dataset examples, String column, String anchorName, String positiveName,
      String negativeName) {
    Column source = examples.column(column);
    return Dataset.builder()
        .column(anchorName, source.select(anchor))
        .column(positiveName, source.select(positive))
        .column(negativeName, source.select(negative))
        .build();
  }
}
