package dev.deepwire.examples.rnn;

/** The baseline every character model must beat: character frequencies of the training text, no context. */
final class UnigramBaseline {

  private UnigramBaseline() {}

  /** Bits per character on {@code test} of the add-one-smoothed frequencies of {@code train}. */
  static double bitsPerChar(int[] train, int[] test, int vocabulary) {
    double[] counts = new double[vocabulary];
    java.util.Arrays.fill(counts, 1);
    for (int id : train) {
      counts[id]++;
    }
    double total = train.length + vocabulary;
    double bits = 0;
    for (int id : test) {
      bits -= Math.log(counts[id] / total) / Math.log(2);
    }
    return bits / test.length;
  }
}
