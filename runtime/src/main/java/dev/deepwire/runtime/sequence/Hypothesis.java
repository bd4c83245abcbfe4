package dev.deepwire.runtime.sequence;

import java.util.Arrays;

/**
 * A generated sequence and its score.
 *
 * @param tokens the generated ids, without {@code BOS} and {@code EOS}
 * @param logProbability the summed log-probability of the tokens and of the final {@code EOS}, if emitted
 * @param finished whether the decoder emitted {@code EOS} (false when cut at the maximum length)
 */
public record Hypothesis(int[] tokens, double logProbability, boolean finished) {

  /** The score beams are ranked by: the log-probability divided by {@code length^lengthPenalty}. */
  public double score(double lengthPenalty) {
    int length = tokens.length + (finished ? 1 : 0);
    return lengthPenalty == 0 || length == 0 ? logProbability : logProbability / Math.pow(length, lengthPenalty);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hypothesis h && Arrays.equals(tokens, h.tokens)
        && Double.compare(logProbability, h.logProbability) == 0 && finished == h.finished;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(tokens) + Double.hashCode(logProbability) + (finished ? 1 : 0);
  }

  @Override
  public String toString() {
    return Arrays.toString(tokens) + " log p = " + logProbability + (finished ? "" : " (cut)");
  }
}
