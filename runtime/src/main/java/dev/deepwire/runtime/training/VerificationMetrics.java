package dev.deepwire.runtime.training;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How well distances tell matching pairs from non-matching ones: ROC AUC, and accuracy at a threshold (pairs
 * at most that far apart are called matching), with the threshold chosen on validation pairs.
 */
public final class VerificationMetrics {

  private VerificationMetrics() {}

  /**
   * The area under the ROC curve: the probability that a random matching pair lies closer than a random
   * non-matching one (ties count half).
   *
   * @param same 1 for a matching pair, 0 otherwise
   */
  public static double rocAuc(float[] distances, float[] same) {
    check(distances, same);
    Integer[] order = sortedByDistance(distances);
    long positives = countPositives(same);
    long negatives = same.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("ROC AUC needs matching and non-matching pairs, got " + positives
          + " and " + negatives);
    }
    // Mann-Whitney: for each matching pair, the non-matching pairs farther away; ties give half.
    double wins = 0;
    long negativesCloser = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      long tiedPositives = 0;
      long tiedNegatives = 0;
      while (j < order.length && distances[order[j]] == distances[order[i]]) {
        if (same[order[j]] == 1) {
          tiedPositives++;
        } else {
          tiedNegatives++;
        }
        j++;
      }
      wins += tiedPositives * (negatives - negativesCloser - tiedNegatives) + 0.5 * tiedPositives * tiedNegatives;
      negativesCloser += tiedNegatives;
      i = j;
    }
    return wins / ((double) positives * negatives);
  }

  /** The distance threshold with the highest accuracy on these pairs (midway between neighbouring distances). */
  public static double bestThreshold(float[] distances, float[] same) {
    check(distances, same);
    Integer[] order = sortedByDistance(distances);
    // Threshold below every pair: all called non-matching, so the correct ones are the non-matching pairs.
    long correct = same.length - countPositives(same);
    long bestCorrect = correct;
    double best = distances[order[0]] - 1e-6;
    for (int k = 0; k < order.length; k++) {
      correct += same[order[k]] == 1 ? 1 : -1;
      boolean boundary = k == order.length - 1 || distances[order[k + 1]] != distances[order[k]];
      if (boundary && correct > bestCorrect) {
        bestCorrect = correct;
        best = k == order.length - 1 ? distances[order[k]] : (distances[order[k]] + distances[order[k + 1]]) / 2.0;
      }
    }
    return best;
  }

  /** The fraction of pairs classified right when pairs at most {@code threshold} apart are called matching. */
  public static double accuracy(float[] distances, float[] same, double threshold) {
    check(distances, same);
    long correct = IntStream.range(0, same.length)
        .filter(i -> (distances[i] <= threshold) == (same[i] == 1))
        .count();
    return correct / (double) same.length;
  }

  private static Integer[] sortedByDistance(float[] distances) {
    Integer[] order = IntStream.range(0, distances.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> distances[i]));
    return order;
  }

  private static long countPositives(float[] same) {
    return IntStream.range(0, same.length).filter(i -> same[i] == 1).count();
  }

  private static void check(float[] distances, float[] same) {
    if (distances.length != same.length || distances.length == 0) {
      throw new IllegalArgumentException("need one label per distance and at least one pair, got "
          + distances.length + " distances and " + same.length + " labels");
    }
    for (float label : same) {
      if (label != 0 && label != 1) {
        throw new IllegalArgumentException("labels must be 0 or 1, got " + label);
      }
    }
  }
}
