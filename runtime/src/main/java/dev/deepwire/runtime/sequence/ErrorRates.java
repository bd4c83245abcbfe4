package dev.deepwire.runtime.sequence;

import java.util.List;

/**
 * Accumulates the error rates of generated sequences against references, as speech and G2P papers report
 * them: the token error rate (PER for phonemes) is the summed edit distance over the summed reference
 * length; the sequence error rate (WER for G2P) is the share of sequences with any error; token accuracy
 * compares position by position.
 */
public final class ErrorRates {

  private long edits;
  private long referenceTokens;
  private long sequences;
  private long wrongSequences;
  private long matchingPositions;

  /** Adds one generated sequence and its reference. */
  public void add(List<?> reference, List<?> generated) {
    int distance = EditDistance.between(reference, generated);
    edits += distance;
    referenceTokens += reference.size();
    sequences++;
    if (distance > 0) {
      wrongSequences++;
    }
    for (int i = 0; i < Math.min(reference.size(), generated.size()); i++) {
      if (reference.get(i).equals(generated.get(i))) {
        matchingPositions++;
      }
    }
  }

  /** Summed edit distance over summed reference length (PER, or character/word error rate). */
  public double tokenErrorRate() {
    return referenceTokens == 0 ? 0 : (double) edits / referenceTokens;
  }

  /** The share of sequences that differ from their reference at all (WER in G2P). */
  public double sequenceErrorRate() {
    return sequences == 0 ? 0 : (double) wrongSequences / sequences;
  }

  /** The share of reference positions whose token was generated at the same position. */
  public double tokenAccuracy() {
    return referenceTokens == 0 ? 0 : (double) matchingPositions / referenceTokens;
  }

  /** The number of sequences added. */
  public long count() {
    return sequences;
  }
}
