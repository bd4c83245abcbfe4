package dev.deepwire.runtime.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** ROC AUC and best-threshold accuracy against brute-force definitions. */
class VerificationMetricsTest {

  @Test
  void aucCountsPairsOfPairsTiesHalf() {
    float[] d = {0.1f, 0.4f, 0.35f, 0.8f, 0.4f};
    float[] same = {1, 1, 0, 0, 0};
    // Matching 0.1 beats all 3; matching 0.4 beats 0.8, ties 0.4, loses to 0.35: (3 + 1 + 0.5) / 6.
    assertEquals(4.5 / 6, VerificationMetrics.rocAuc(d, same), 1e-12);
  }

  @Test
  void aucAndBestThresholdMatchBruteForceOnRandomScores() {
    Random r = new Random(4);
    float[] d = new float[300];
    float[] same = new float[300];
    for (int i = 0; i < d.length; i++) {
      same[i] = r.nextBoolean() ? 1 : 0;
      d[i] = (float) Math.round((r.nextGaussian() + (same[i] == 1 ? 0 : 1)) * 20) / 20f;
    }
    double wins = 0;
    int pairs = 0;
    for (int i = 0; i < d.length; i++) {
      for (int j = 0; j < d.length; j++) {
        if (same[i] == 1 && same[j] == 0) {
          wins += d[i] < d[j] ? 1 : d[i] == d[j] ? 0.5 : 0;
          pairs++;
        }
      }
    }
    assertEquals(wins / pairs, VerificationMetrics.rocAuc(d, same), 1e-12);
    double best = 0;
    for (float t : d) {
      best = Math.max(best, VerificationMetrics.accuracy(d, same, t));
    }
    double threshold = VerificationMetrics.bestThreshold(d, same);
    assertEquals(best, VerificationMetrics.accuracy(d, same, threshold), 1e-12);
  }

  @Test
  void perfectSeparationGivesOne() {
    float[] d = {0.1f, 0.2f, 0.9f, 1.3f};
    float[] same = {1, 1, 0, 0};
    assertEquals(1.0, VerificationMetrics.rocAuc(d, same));
    assertEquals(1.0, VerificationMetrics.accuracy(d, same, VerificationMetrics.bestThreshold(d, same)));
  }
}
