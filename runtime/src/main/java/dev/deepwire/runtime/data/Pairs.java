package dev.deepwire.runtime.data;

import java.util.SplittableRandom;

/**
 * Example pairs for a Siamese model, drawn from labelled examples: {@code same[i]} is 1 when
 * {@code left[i]} and {@code right[i]} share a label, else 0.
 *
 * <pre>{@code
 * Pairs pairs = Pairs.balanced(labels, 20_000, seed);
 * Dataset train = pairs.toDataset(images, "image", "left", "right", "distance");
 * }</pre>
 */
public record Pairs(int[] left, int[] right, float[] same) {

  public Pairs {
    if (left.length != right.length || left.length != same.length) {
      throw new IllegalArgumentException("left, right and same need one entry per pair, got " + left.length + ", "
          + right.length + ", " + same.length);
    }
  }

  /**
   * {@code count} pairs, alternately matching and not (balanced), partners drawn at random; the anchors are
   * random examples whose label has a second example.
   */
  public static Pairs balanced(int[] labels, int count, long seed) {
    return draw(labels, count, seed, null, 0);
  }

  /**
   * Like {@link #balanced}, but each non-matching partner is the one, among {@code candidates} random
   * examples of other labels, whose code lies closest to the anchor's (hard negatives).
   *
   * @param codes one code per example, e.g. the current embeddings of a tower
   */
  public static Pairs hardNegatives(int[] labels, float[][] codes, int count, int candidates, long seed) {
    LabelIndex.checkCodes(labels, codes, candidates);
    return draw(labels, count, seed, codes, candidates);
  }

  private static Pairs draw(int[] labels, int count, long seed, float[][] codes, int candidates) {
    LabelIndex index = new LabelIndex(labels);
    SplittableRandom random = new SplittableRandom(seed);
    int[] left = new int[count];
    int[] right = new int[count];
    float[] same = new float[count];
    for (int i = 0; i < count; i++) {
      left[i] = index.anchor(random);
      boolean matching = i % 2 == 0;
      same[i] = matching ? 1 : 0;
      if (matching) {
        right[i] = index.positive(left[i], random);
      } else {
        right[i] = codes == null ? index.negative(left[i], random)
            : index.hardNegative(left[i], codes, candidates, random);
      }
    }
    return new Pairs(left, right, same);
  }

  /** The number of pairs. */
  public int size() {
    return same.length;
  }

  /**
   * A dataset of the pairs: {@code column} of {@code examples} at the left and right indices under
   * {@code leftName} and {@code rightName}, and {@code same} ({@code [1]} per pair) under {@code targetName}.
   */
  public Dataset toDataset(Dataset examples, String column, String leftName, String rightName, String targetName) {
    return Dataset.builder()
        .column(leftName, examples.column(column).select(left))
        .column(rightName, examples.column(column).select(right))
        .floats(targetName, same.clone(), 1)
        .build();
  }
}
