package dev.deepwire.examples.generative;

/** Nearest neighbours of binary hashes by Hamming distance, and the retrieval precision they give. */
final class HammingSearch {

  private HammingSearch() {}

  /**
   * The mean over {@code queries} of the share of their {@code k} nearest {@code database} hashes that carry
   * the query's label; ties are broken by database order.
   */
  static double precisionAtK(long[] queries, int[] queryLabels, long[] database, int[] databaseLabels, int k) {
    double total = 0;
    int[] byDistance = new int[Long.SIZE + 1];
    for (int q = 0; q < queries.length; q++) {
      java.util.Arrays.fill(byDistance, 0);
      for (long hash : database) {
        byDistance[Long.bitCount(queries[q] ^ hash)]++;
      }
      // The largest distance that still falls among the k nearest, and how many of that distance to take.
      int radius = 0;
      int nearer = 0;
      while (nearer + byDistance[radius] < k) {
        nearer += byDistance[radius++];
      }
      int atRadius = k - nearer;
      int hits = 0;
      for (int i = 0; i < database.length; i++) {
        int distance = Long.bitCount(queries[q] ^ database[i]);
        if (distance < radius || (distance == radius && atRadius-- > 0)) {
          hits += databaseLabels[i] == queryLabels[q] ? 1 : 0;
        }
      }
      total += hits / (double) k;
    }
    return total / queries.length;
  }
}
