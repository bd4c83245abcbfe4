package dev.deepwire.runtime.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The examples of each label, for drawing matching and non-matching partners. */
final class LabelIndex {

  private final int[] labels;
  private final Map<Integer, int[]> byLabel = new LinkedHashMap<>();
  private final int[] labelSet;

  LabelIndex(int[] labels) {
    this.labels = labels.clone();
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i++) {
      groups.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
    }
    groups.forEach((label, members) -> byLabel.put(label, members.stream().mapToInt(Integer::intValue).toArray()));
    labelSet = byLabel.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    boolean anyPair = byLabel.values().stream().anyMatch(members -> members.length >= 2);
    if (labelSet.length < 2 || !anyPair) {
      throw new IllegalArgumentException("pairs need at least two labels and a label with two examples, got labels "
          + Arrays.toString(labelSet) + " over " + labels.length + " examples");
    }
  }

  /** Checks the arguments of a hard-negative draw. */
  static void checkCodes(int[] labels, float[][] codes, int candidates) {
    if (codes.length != labels.length || candidates < 1) {
      throw new IllegalArgumentException("hard negatives need one code per example and candidates >= 1, got "
          + codes.length + " codes for " + labels.length + " examples and candidates = " + candidates);
    }
  }

  /** A random example whose label has at least one other example. */
  int anchor(SplittableRandom random) {
    while (true) {
      int example = random.nextInt(labels.length);
      if (byLabel.get(labels[example]).length >= 2) {
        return example;
      }
    }
  }

  /** A random other example of the anchor's label. */
  int positive(int anchor, SplittableRandom random) {
    int[] members = byLabel.get(labels[anchor]);
    while (true) {
      int example = members[random.nextInt(members.length)];
      if (example != anchor) {
        return example;
      }
    }
  }

  /** A random example of another label, every other label equally likely. */
  int negative(int anchor, SplittableRandom random) {
    while (true) {
      int label = labelSet[random.nextInt(labelSet.length)];
      if (label != labels[anchor]) {
        int[] members = byLabel.get(label);
        return members[random.nextInt(members.length)];
      }
    }
  }

  /**
   * The negative closest to the anchor's code among {@code candidates} random negatives: a hard negative,
   * which teaches more than a random one once the easy ones are far apart.
   */
  int hardNegative(int anchor, float[][] codes, int candidates, SplittableRandom random) {
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < candidates; c++) {
      int example = negative(anchor, random);
      double distance = squaredDistance(codes[anchor], codes[example]);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = example;
      }
    }
    return best;
  }

  private static double squaredDistance(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return sum;
  }
}
