package dev.deepwire.examples.bert;

import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.MaskedLmVocabulary;

/** Describes a masked-LM's guesses for one sequence: {@code the [[MASK]→whale|whale] was ...}. */
final class FilledBlanks {

  private FilledBlanks() {}

  /**
   * The sequence's words, each chosen position shown as {@code [input→original|guess]}.
   *
   * @param probabilities the model's {@code [SLOTS, vocabulary]} output for example {@code i}, flattened
   */
  static String describe(MaskedLmVocabulary words, Dataset data, int i, float[] probabilities) {
    float[] tokens = data.floats("tokens").example(i);
    float[] positions = data.floats("positions").example(i);
    float[] weights = data.floats("weights").example(i);
    int[] targets = data.ints("predicted").example(i);
    int vocabulary = probabilities.length / positions.length;
    String[] shown = new String[tokens.length];
    for (int t = 0; t < tokens.length; t++) {
      shown[t] = words.token((int) tokens[t]);
    }
    for (int slot = 0; slot < positions.length && weights[slot] > 0; slot++) {
      int guess = 0;
      for (int v = 1; v < vocabulary; v++) {
        guess = probabilities[slot * vocabulary + v] > probabilities[slot * vocabulary + guess] ? v : guess;
      }
      int t = (int) positions[slot];
      shown[t] = "[" + shown[t] + "→" + words.token(targets[slot]) + "|" + words.token(guess) + "]";
    }
    StringBuilder line = new StringBuilder();
    for (int t = 1; t < tokens.length && tokens[t] != MaskedLmVocabulary.PAD; t++) {
      line.append(t == 1 ? "" : " ").append(shown[t]);
    }
    return line.toString();
  }
}
