package dev.deepwire.runtime.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.annotations.AttentionScore;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.FitOptions;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.RuntimeOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SequenceDecoderTest {

  private static float[][] sources(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = TeacherForcing.padded(ReverseModel.source(random), ReverseModel.SOURCE);
    }
    return rows;
  }

  private static int[] toIds(float[] row) {
    List<Integer> ids = new ArrayList<>();
    for (float v : row) {
      if (v != 0) {
        ids.add((int) v);
      }
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  @ParameterizedTest
  @EnumSource(value = AttentionScore.class, names = {"NONE", "ADDITIVE"})
  void greedyDecodingEqualsTheTeacherForcedArgmaxChain(AttentionScore attention) {
    assertGreedyIsTheTeacherForcedArgmaxChain(new ReverseModel(attention));
  }

  @Test
  void transformerGreedyDecodingEqualsTheTeacherForcedArgmaxChain() {
    assertGreedyIsTheTeacherForcedArgmaxChain(ReverseModel.withTransformerDecoder());
  }

  /** Generation through the one-step graph agrees, token and log-probability, with the whole-sequence graph. */
  private static void assertGreedyIsTheTeacherForcedArgmaxChain(ReverseModel network) {
    try (CompiledModel<ReverseModel> model = CompiledModel.compile(network, RuntimeOptions.defaults().withSeed(3))) {
      float[][] sources = sources(8, 5);
      List<Hypothesis> greedy = SequenceGenerator.of(model, "reversed")
          .generate(Map.of("source", sources), BeamSearch.greedy(ReverseModel.TARGET));
      for (int i = 0; i < sources.length; i++) {
        Hypothesis h = greedy.get(i);
        float[] previous = TeacherForcing.decoderInput(h.tokens(), ReverseModel.TARGET);
        float[] probabilities = model.predictor().predict(
            Map.of("source", new float[][] {sources[i]}, "previous", new float[][] {previous})).get("reversed")[0];
        double logProbability = 0;
        int steps = h.tokens().length + (h.finished() ? 1 : 0);
        for (int t = 0; t < steps; t++) {
          float[] row = Arrays.copyOfRange(probabilities, t * ReverseModel.VOCABULARY,
              (t + 1) * ReverseModel.VOCABULARY);
          int expected = t < h.tokens().length ? h.tokens()[t] : TokenVocabulary.EOS;
          assertEquals(expected, argmaxEmittable(row), "source " + i + " step " + t);
          logProbability += Math.log(row[expected]);
        }
        assertEquals(logProbability, h.logProbability(), 1e-4, "source " + i);
      }
    }
  }

  @Test
  void learnsToReverseAndGeneratesWithGreedyAndBeamSearch() {
    assertLearnsToReverse(new ReverseModel(AttentionScore.ADDITIVE));
  }

  @Test
  void transformerDecoderLearnsToReverse() {
    assertLearnsToReverse(ReverseModel.withTransformerDecoder());
  }

  @Test
  void transformerDecoderPositionsIgnoreLaterTokens() {
    try (CompiledModel<ReverseModel> model =
        CompiledModel.compile(ReverseModel.withTransformerDecoder(), RuntimeOptions.defaults().withSeed(4))) {
      float[][] source = sources(1, 8);
      float[] previous = {TokenVocabulary.BOS, 5, 6, 7, 8, 9};
      float[] changed = {TokenVocabulary.BOS, 5, 6, 9, 4, 4};
      float[] before = model.predictor().predict(Map.of("source", source, "previous", new float[][] {previous}))
          .get("reversed")[0];
      float[] after = model.predictor().predict(Map.of("source", source, "previous", new float[][] {changed}))
          .get("reversed")[0];
      int seen = 3 * ReverseModel.VOCABULARY; // positions 0..2 read only BOS, 5, 6
      assertArrayEquals(Arrays.copyOf(before, seen), Arrays.copyOf(after, seen), 1e-6f);
      double difference = 0;
      for (int i = seen; i < before.length; i++) {
        difference += Math.abs(before[i] - after[i]);
      }
      assertTrue(difference > 1e-3, "later positions read the changed tokens: " + difference);
    }
  }

  /** Trains on 3,000 reversals; greedy and beam search then reverse held-out sources; attention is a distribution. */
  private static void assertLearnsToReverse(ReverseModel network) {
    try (CompiledModel<ReverseModel> model = CompiledModel.compile(network, RuntimeOptions.defaults().withSeed(1))) {
      History history = model.trainer().fit(ReverseModel.data(3000, 1),
          FitOptions.builder().epochs(12).batchSize(64).seed(2).progressBar(false).build());
      double accuracy = history.last().train().get("accuracy");
      assertTrue(accuracy > 0.9, "token accuracy " + accuracy);
      float[][] sources = sources(200, 99);
      SequenceGenerator generator = SequenceGenerator.of(model, "reversed");
      List<Hypothesis> greedy = generator.generate(Map.of("source", sources), BeamSearch.greedy(8));
      List<Hypothesis> beam = generator.generate(Map.of("source", sources), new BeamSearch(3, 8, 0));
      int greedyRight = 0;
      int beamRight = 0;
      for (int i = 0; i < sources.length; i++) {
        int[] expected = ReverseModel.reverse(toIds(sources[i]));
        greedyRight += Arrays.equals(expected, greedy.get(i).tokens()) ? 1 : 0;
        beamRight += Arrays.equals(expected, beam.get(i).tokens()) ? 1 : 0;
        assertTrue(beam.get(i).logProbability() >= greedy.get(i).logProbability() - 1e-4,
            "beam never scores below greedy");
      }
      assertTrue(greedyRight >= 180, "greedy exact matches " + greedyRight + "/200");
      assertTrue(beamRight >= greedyRight - 2, "beam exact matches " + beamRight + " vs greedy " + greedyRight);

      float[][] alignment = generator.attention(Map.of("source", new float[][] {sources[0]}),
          greedy.get(0).tokens());
      int length = toIds(sources[0]).length;
      for (float[] row : alignment) {
        double sum = 0;
        for (int t = 0; t < row.length; t++) {
          sum += row[t];
          if (t >= length) {
            assertEquals(0f, row[t], "attention on padding");
          }
        }
        assertEquals(1.0, sum, 1e-5);
      }
    }
  }

  private static int argmaxEmittable(float[] row) {
    int best = TokenVocabulary.EOS;
    for (int t = TokenVocabulary.EOS; t < row.length; t++) {
      if (row[t] > row[best]) {
        best = t;
      }
    }
    return best;
  }
}
