package dev.deepwire.runtime.sequence;

import java.util.List;

/**
 * One step of a sequence decoder over a batch of hypotheses: from each hypothesis' state and the token it
 * emitted last, the log-probabilities of the next token and the state after reading that token. Batching the
 * step over every live hypothesis of every source lets a model answer a whole decoding step in one session
 * run.
 *
 * @param <S> the decoder state, e.g. a recurrent layer's {@code h} and {@code c} rows
 */
@FunctionalInterface
public interface DecoderStep<S> {

  /**
   * The next-token distribution of each hypothesis, in order.
   *
   * @param states the hypotheses' states
   * @param previousTokens the token each hypothesis emitted last ({@link TokenVocabulary#BOS} at first)
   */
  List<Next<S>> step(List<S> states, int[] previousTokens);

  /**
   * What a step gives one hypothesis.
   *
   * @param logProbabilities the log-probability of every token id
   * @param state the state after reading the previous token
   */
  record Next<S>(float[] logProbabilities, S state) {}
}
