package dev.deepwire.runtime.sequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search over a {@link DecoderStep}, for many source sequences at once.
 *
 * <p>Every step extends each live hypothesis of a source by every token and keeps the {@code width} best
 * extensions; an extension ending in {@code EOS} is finished and leaves the beam. A source is done when it has
 * {@code width} finished hypotheses, or when no live hypothesis can still beat its best finished one (log
 * probabilities only fall, so without a length penalty this is exact), or at {@code maxLength}. With
 * {@code width = 1} this is greedy decoding: the argmax chain. {@code PAD} and {@code BOS} are never emitted.
 */
public final class BeamSearch {

  private final int width;
  private final int maxLength;
  private final double lengthPenalty;

  /**
   * @param width hypotheses kept per source; 1 is greedy decoding
   * @param maxLength the most tokens generated per source, {@code EOS} included
   * @param lengthPenalty {@code alpha} in {@code score = log p / length^alpha}; 0 ranks by log-probability
   */
  public BeamSearch(int width, int maxLength, double lengthPenalty) {
    if (width < 1) {
      throw new IllegalArgumentException("beam width must be at least 1, got " + width);
    }
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
    }
    if (lengthPenalty < 0) {
      throw new IllegalArgumentException("lengthPenalty must be >= 0, got " + lengthPenalty);
    }
    this.width = width;
    this.maxLength = maxLength;
    this.lengthPenalty = lengthPenalty;
  }

  /** Greedy decoding: beam search of width 1. */
  public static BeamSearch greedy(int maxLength) {
    return new BeamSearch(1, maxLength, 0);
  }

  /** The best hypothesis of each source, in order, starting from each source's initial decoder state. */
  public <S> List<Hypothesis> decode(List<S> initialStates, DecoderStep<S> step) {
    return decodeAll(initialStates, step).stream().map(candidates -> candidates.get(0)).toList();
  }

  /** Every finished hypothesis of each source, best first (at most {@code width} per source). */
  public <S> List<List<Hypothesis>> decodeAll(List<S> initialStates, DecoderStep<S> step) {
    List<Source<S>> sources = new ArrayList<>();
    for (S state : initialStates) {
      sources.add(new Source<>(new Beam<>(new int[0], 0, state, TokenVocabulary.BOS)));
    }
    for (int t = 0; t < maxLength; t++) {
      List<Beam<S>> live = new ArrayList<>();
      for (Source<S> source : sources) {
        if (!source.done) {
          live.addAll(source.live);
        }
      }
      if (live.isEmpty()) {
        break;
      }
      List<DecoderStep.Next<S>> nexts = step.step(live.stream().map(Beam::state).toList(),
          live.stream().mapToInt(Beam::lastToken).toArray());
      if (nexts.size() != live.size()) {
        throw new IllegalStateException("the decoder step answered " + nexts.size() + " hypotheses for "
            + live.size());
      }
      int offset = 0;
      for (Source<S> source : sources) {
        if (source.done) {
          continue;
        }
        int count = source.live.size();
        extend(source, nexts.subList(offset, offset + count), t == maxLength - 1);
        offset += count;
      }
    }
    List<List<Hypothesis>> out = new ArrayList<>();
    for (Source<S> source : sources) {
      for (Beam<S> beam : source.live) {
        source.finished.add(new Hypothesis(beam.tokens, beam.logProbability, false));
      }
      List<Hypothesis> ranked = new ArrayList<>(source.finished);
      ranked.sort(Comparator.comparingDouble((Hypothesis h) -> h.score(lengthPenalty)).reversed());
      out.add(List.copyOf(ranked.subList(0, Math.min(width, ranked.size()))));
    }
    return out;
  }

  /** Replaces a source's live beams by the best {@code width} one-token extensions. */
  private <S> void extend(Source<S> source, List<DecoderStep.Next<S>> nexts, boolean last) {
    List<Candidate> candidates = new ArrayList<>();
    for (int b = 0; b < nexts.size(); b++) {
      float[] logProbabilities = nexts.get(b).logProbabilities();
      double base = source.live.get(b).logProbability;
      for (int token : bestTokens(logProbabilities)) {
        candidates.add(new Candidate(b, token, base + logProbabilities[token]));
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::logProbability).reversed());
    List<Beam<S>> live = new ArrayList<>();
    for (Candidate c : candidates.subList(0, Math.min(width, candidates.size()))) {
      Beam<S> parent = source.live.get(c.beam);
      if (c.token == TokenVocabulary.EOS) {
        source.finished.add(new Hypothesis(parent.tokens, c.logProbability, true));
      } else {
        int[] tokens = Arrays.copyOf(parent.tokens, parent.tokens.length + 1);
        tokens[parent.tokens.length] = c.token;
        live.add(new Beam<>(tokens, c.logProbability, nexts.get(c.beam).state(), c.token));
      }
    }
    source.live = live;
    source.done = live.isEmpty() || source.finished.size() >= width || (!last && cannotImprove(source));
  }

  /** Without a length penalty a live beam only loses probability, so a better finished one ends the search. */
  private boolean cannotImprove(Source<?> source) {
    if (lengthPenalty != 0 || source.finished.isEmpty()) {
      return false;
    }
    double bestFinished = source.finished.stream().mapToDouble(Hypothesis::logProbability).max().orElseThrow();
    double bestLive = source.live.stream().mapToDouble(Beam::logProbability).max().orElseThrow();
    return bestFinished >= bestLive;
  }

  /** The {@code width} most probable tokens that may be emitted (not PAD or BOS). */
  private int[] bestTokens(float[] logProbabilities) {
    Integer[] order = new Integer[logProbabilities.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(logProbabilities[b], logProbabilities[a]));
    return Arrays.stream(order).filter(t -> t != TokenVocabulary.PAD && t != TokenVocabulary.BOS).limit(width)
        .mapToInt(Integer::intValue).toArray();
  }

  private record Beam<S>(int[] tokens, double logProbability, S state, int lastToken) {}

  private record Candidate(int beam, int token, double logProbability) {}

  /** The search state of one source sequence. */
  private static final class Source<S> {
    List<Beam<S>> live;
    final List<Hypothesis> finished = new ArrayList<>();
    boolean done;

    Source(Beam<S> start) {
      this.live = List.of(start);
    }
  }
}
