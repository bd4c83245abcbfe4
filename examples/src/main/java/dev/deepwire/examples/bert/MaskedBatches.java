package dev.deepwire.examples.bert;

import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.TokenMasker;

/**
 * Masked copies of token sequences as a {@link BertPretrain} data set: columns {@code tokens} (corrupted ids),
 * {@code positions} (the chosen positions), {@code weights} (1 for a used slot) and {@code predicted} (the
 * original ids there).
 */
final class MaskedBatches {

  private MaskedBatches() {}

  /** {@code ids} masked with {@code seed}. */
  static Dataset of(int[] ids, int vocabulary, long seed) {
    TokenMasker.Masked masked = new TokenMasker(vocabulary).mask(ids, MlmCorpus.LENGTH, seed);
    return Dataset.builder()
        .floats("tokens", masked.inputs(), MlmCorpus.LENGTH)
        .floats("positions", masked.positions(), MlmCorpus.SLOTS)
        .floats("weights", masked.weights(), MlmCorpus.SLOTS)
        .ints("predicted", masked.targets(), MlmCorpus.SLOTS)
        .build();
  }

  /**
   * The accuracy of always guessing the word chosen most often in {@code train}, on the chosen positions of
   * {@code test}: the baseline a masked-LM must beat.
   *
   * @return {@code [accuracy, the word's id]}
   */
  static double[] mostFrequentBaseline(Dataset train, Dataset test) {
    int[] counts = new int[MlmCorpus.VOCABULARY];
    int[] targets = train.ints("predicted").values();
    float[] weights = train.floats("weights").values();
    for (int i = 0; i < targets.length; i++) {
      if (weights[i] > 0) {
        counts[targets[i]]++;
      }
    }
    int best = 0;
    for (int id = 1; id < counts.length; id++) {
      best = counts[id] > counts[best] ? id : best;
    }
    int[] testTargets = test.ints("predicted").values();
    float[] testWeights = test.floats("weights").values();
    int chosen = 0;
    int hits = 0;
    for (int i = 0; i < testTargets.length; i++) {
      if (testWeights[i] > 0) {
        chosen++;
        hits += testTargets[i] == best ? 1 : 0;
      }
    }
    return new double[] {hits / (double) chosen, best};
  }
}
