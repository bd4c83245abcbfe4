package dev.deepwire.runtime.sequence;

import static dev.deepwire.runtime.sequence.TokenVocabulary.BOS;
import static dev.deepwire.runtime.sequence.TokenVocabulary.EOS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BeamSearchTest {

  private static final int A = 4;
  private static final int B = 5;
  private static final int SIZE = 6;

  /**
   * A bigram decoder whose state is the token read last: {@code table[previous]} gives the next-token
   * probabilities. Built so that greedy takes A (0.6) then is stuck with a flat distribution, while B (0.4)
   * is followed by EOS with 0.9: greedy's best is A EOS (0.6 × 0.35 = 0.21), the optimum B EOS (0.36).
   */
  private static final double[][] TRAP = table(new double[][] {
      {}, {0, 0, 0, 0, 0.6, 0.4}, {}, {}, {0, 0, 0.35, 0, 0.3, 0.35}, {0, 0, 0.9, 0, 0.05, 0.05}});

  @Test
  void greedyFollowsTheArgmaxChain() {
    double[][] table = randomTable(new Random(3));
    Hypothesis greedy = BeamSearch.greedy(7).decode(List.of(BOS), step(table)).get(0);

    List<Integer> chain = new ArrayList<>();
    double logProbability = 0;
    int previous = BOS;
    boolean finished = false;
    for (int t = 0; t < 7; t++) {
      int best = argmaxEmittable(table[previous]);
      logProbability += Math.log(table[previous][best]);
      if (best == EOS) {
        finished = true;
        break;
      }
      chain.add(best);
      previous = best;
    }
    assertArrayEquals(chain.stream().mapToInt(Integer::intValue).toArray(), greedy.tokens());
    assertEquals(logProbability, greedy.logProbability(), 1e-5);
    assertEquals(finished, greedy.finished());
  }

  @Test
  void widthOneIsGreedy() {
    double[][] table = randomTable(new Random(11));
    assertEquals(BeamSearch.greedy(6).decode(List.of(BOS), step(table)),
        new BeamSearch(1, 6, 0).decode(List.of(BOS), step(table)));
  }

  @Test
  void beamFindsABetterSequenceThanGreedy() {
    Hypothesis greedy = BeamSearch.greedy(5).decode(List.of(BOS), step(TRAP)).get(0);
    Hypothesis beam = new BeamSearch(2, 5, 0).decode(List.of(BOS), step(TRAP)).get(0);

    assertArrayEquals(new int[] {A}, greedy.tokens());
    assertEquals(Math.log(0.6 * 0.35), greedy.logProbability(), 1e-6);
    assertArrayEquals(new int[] {B}, beam.tokens());
    assertEquals(Math.log(0.4 * 0.9), beam.logProbability(), 1e-6);
    assertTrue(beam.finished());
  }

  @Test
  void aWideBeamFindsTheExhaustiveOptimum() {
    double[][] table = randomTable(new Random(5));
    Hypothesis beam = new BeamSearch(SIZE, 3, 0).decode(List.of(BOS), step(table)).get(0);
    assertEquals(bestByEnumeration(table, 3), beam.logProbability(), 1e-5);
  }

  @Test
  void sourcesDecodedTogetherEqualSourcesDecodedAlone() {
    double[][] table = randomTable(new Random(8));
    BeamSearch search = new BeamSearch(3, 6, 0.6);
    List<Integer> starts = List.of(BOS, A, B);
    List<Hypothesis> together = search.decode(starts, step(table));
    for (int i = 0; i < starts.size(); i++) {
      assertEquals(search.decode(List.of(starts.get(i)), step(table)).get(0), together.get(i));
    }
  }

  @Test
  void aSequenceCutAtTheMaximumLengthIsNotFinished() {
    double[][] loop = table(new double[][] {{}, {0, 0, 0.1, 0, 0.9, 0}, {}, {}, {0, 0, 0.1, 0, 0.9, 0}, {}});
    Hypothesis cut = BeamSearch.greedy(3).decode(List.of(BOS), step(loop)).get(0);
    assertArrayEquals(new int[] {A, A, A}, cut.tokens());
    assertFalse(cut.finished());
  }

  @Test
  void decodeAllRanksAtMostWidthHypotheses() {
    List<Hypothesis> all = new BeamSearch(2, 5, 0).decodeAll(List.of(BOS), step(TRAP)).get(0);
    assertEquals(2, all.size());
    assertTrue(all.get(0).logProbability() >= all.get(1).logProbability());
  }

  /** A decoder step reading {@code table}, the state being the last token. */
  private static DecoderStep<Integer> step(double[][] table) {
    return (states, previous) -> {
      List<DecoderStep.Next<Integer>> out = new ArrayList<>();
      for (int i = 0; i < previous.length; i++) {
        float[] logs = new float[SIZE];
        for (int t = 0; t < SIZE; t++) {
          logs[t] = (float) Math.log(table[previous[i]][t]);
        }
        out.add(new DecoderStep.Next<>(logs, previous[i]));
      }
      return out;
    };
  }

  /** The best log-probability over every sequence of at most {@code length} tokens, EOS included. */
  private static double bestByEnumeration(double[][] table, int length) {
    return best(table, BOS, length, 0);
  }

  private static double best(double[][] table, int previous, int left, double logSoFar) {
    double best = Double.NEGATIVE_INFINITY;
    for (int t = 2; t < SIZE; t++) {
      double log = logSoFar + Math.log(table[previous][t]);
      if (t == EOS || left == 1) {
        best = Math.max(best, log);
      } else {
        best = Math.max(best, best(table, t, left - 1, log));
      }
    }
    return best;
  }

  private static int argmaxEmittable(double[] probabilities) {
    int best = 2;
    for (int t = 3; t < probabilities.length; t++) {
      if (probabilities[t] > probabilities[best]) {
        best = t;
      }
    }
    return best;
  }

  /** Random transition rows for every token (PAD and BOS never emitted). */
  private static double[][] randomTable(Random random) {
    double[][] rows = new double[SIZE][];
    for (int p = 0; p < SIZE; p++) {
      double[] row = new double[SIZE];
      for (int t = 2; t < SIZE; t++) {
        row[t] = 0.05 + random.nextDouble();
      }
      rows[p] = row;
    }
    return table(rows);
  }

  /** Rows normalised to sum 1, an empty row becoming uniform; zero entries get a tiny probability. */
  private static double[][] table(double[][] rows) {
    double[][] out = new double[SIZE][];
    for (int p = 0; p < SIZE; p++) {
      double[] row = rows[p].length == 0 ? new double[] {0, 0, 1, 1, 1, 1} : rows[p].clone();
      double sum = Arrays.stream(row).sum();
      out[p] = Arrays.stream(row).map(v -> Math.max(v / sum, 1e-12)).toArray();
    }
    return out;
  }
}
