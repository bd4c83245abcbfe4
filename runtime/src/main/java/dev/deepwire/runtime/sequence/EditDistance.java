package dev.deepwire.runtime.sequence;

import java.util.List;

/** Levenshtein distance between token sequences: the fewest insertions, deletions and substitutions. */
public final class EditDistance {

  private EditDistance() {}

  /** The edit distance between {@code a} and {@code b}. */
  public static int between(List<?> a, List<?> b) {
    // Two rows of the dynamic-programming table are enough.
    int[] previous = new int[b.size() + 1];
    int[] current = new int[b.size() + 1];
    for (int j = 0; j <= b.size(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.size(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.size(); j++) {
        int substitution = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.size()];
  }
}
