package dev.deepwire.runtime.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * BERT's masking for masked-language-model pre-training: in each sequence 15 % of the words (at least one) are
 * chosen for prediction; a chosen word becomes {@code [MASK]} 80 % of the time, a random word 10 % and stays
 * itself 10 %. Padding, {@code [CLS]} and {@code [UNK]} are never chosen (there is nothing to predict there).
 * Seeded: the same seed masks the same way.
 *
 * <p>Like BERT, the chosen positions are listed rather than marked, {@link #slots(int)} per sequence, so a model
 * scores the vocabulary at those positions only (the costly part of pre-training); unused slots have weight 0.
 *
 * <pre>{@code
 * TokenMasker.Masked m = new TokenMasker(vocabulary.size()).mask(ids, length, seed);
 * // feed m.inputs() to the encoder, m.positions() and m.weights() to the head, m.targets() as the labels
 * }</pre>
 */
public final class TokenMasker {

  /** The share of words chosen for prediction. */
  public static final double CHOSEN = 0.15;

  private final int vocabulary;

  /** A masker drawing random replacement words from ids {@code FIRST_WORD .. vocabulary - 1}. */
  public TokenMasker(int vocabulary) {
    if (vocabulary <= MaskedLmVocabulary.FIRST_WORD) {
      throw new IllegalArgumentException("vocabulary must hold a word beyond the special tokens, got " + vocabulary);
    }
    this.vocabulary = vocabulary;
  }

  /** The prediction slots of a sequence of {@code length} tokens: enough for 15 % of them, rounded up. */
  public static int slots(int length) {
    return (int) Math.ceil(CHOSEN * length);
  }

  /**
   * The masked sequences.
   *
   * @param inputs the corrupted ids to feed, {@code [n * length]}
   * @param positions per sequence, {@link #slots} positions (in {@code 0 .. length - 1}) chosen for prediction,
   *     ascending; unused slots hold 0
   * @param targets the original id at each chosen position, 0 in unused slots
   * @param weights 1 for a used slot, 0 for an unused one: the loss counts only used slots
   */
  public record Masked(float[] inputs, float[] positions, int[] targets, float[] weights) {}

  /** Masks {@code ids}, {@code n} sequences of {@code length} token ids laid end to end. */
  public Masked mask(int[] ids, int length, long seed) {
    if (length < 1 || ids.length % length != 0) {
      throw new IllegalArgumentException("ids must hold whole sequences of length " + length + ", got "
          + ids.length + " ids");
    }
    int slots = slots(length);
    int n = ids.length / length;
    SplittableRandom random = new SplittableRandom(seed);
    float[] inputs = new float[ids.length];
    float[] positions = new float[n * slots];
    int[] targets = new int[n * slots];
    float[] weights = new float[n * slots];
    int[] words = new int[length];
    for (int s = 0; s < n; s++) {
      int start = s * length;
      int count = 0;
      for (int t = 0; t < length; t++) {
        inputs[start + t] = ids[start + t];
        if (ids[start + t] >= MaskedLmVocabulary.FIRST_WORD) {
          words[count++] = t;
        }
      }
      int chosen = count == 0 ? 0 : Math.max(1, (int) Math.round(CHOSEN * count));
      for (int c = 0; c < chosen; c++) { // a partial Fisher-Yates shuffle picks `chosen` distinct positions
        int pick = c + random.nextInt(count - c);
        int position = words[pick];
        words[pick] = words[c];
        words[c] = position;
      }
      Arrays.sort(words, 0, chosen);
      for (int c = 0; c < chosen; c++) {
        int position = words[c];
        int slot = s * slots + c;
        positions[slot] = position;
        targets[slot] = ids[start + position];
        weights[slot] = 1f;
        double roll = random.nextDouble();
        if (roll < 0.8) {
          inputs[start + position] = MaskedLmVocabulary.MASK;
        } else if (roll < 0.9) {
          inputs[start + position] =
              MaskedLmVocabulary.FIRST_WORD + random.nextInt(vocabulary - MaskedLmVocabulary.FIRST_WORD);
        }
      }
    }
    return new Masked(inputs, positions, targets, weights);
  }
}
