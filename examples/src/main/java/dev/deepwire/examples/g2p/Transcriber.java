package dev.deepwire.examples.g2p;

import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.sequence.BeamSearch;
import dev.deepwire.runtime.sequence.ErrorRates;
import dev.deepwire.runtime.sequence.Hypothesis;
import dev.deepwire.runtime.sequence.SequenceGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Spells words as phonemes with a trained G2P model's decoder, and scores spellings against the dictionary. */
final class Transcriber {

  /** Words per generation batch: bounds the memory fed at every step. */
  private static final int CHUNK = 512;

  private final SequenceGenerator generator;

  Transcriber(CompiledModel<?> model) {
    this.generator = SequenceGenerator.of(model, "phonemes");
  }

  /** The phonemes of each word, by {@code search}. */
  List<List<String>> transcribe(List<String> words, BeamSearch search) {
    List<List<String>> out = new ArrayList<>();
    for (int from = 0; from < words.size(); from += CHUNK) {
      List<String> chunk = words.subList(from, Math.min(words.size(), from + CHUNK));
      float[][] letters = chunk.stream().map(G2pData::letters).toArray(float[][]::new);
      for (Hypothesis h : generator.generate(Map.of("letters", letters), search)) {
        out.add(G2pData.PHONEME_VOCABULARY.decode(h.tokens()));
      }
    }
    return out;
  }

  /** PER, WER and token accuracy of {@code search}'s transcriptions of {@code words}. */
  ErrorRates score(List<Pronunciation> words, BeamSearch search) {
    List<List<String>> spelled = transcribe(words.stream().map(Pronunciation::word).toList(), search);
    ErrorRates rates = new ErrorRates();
    for (int i = 0; i < words.size(); i++) {
      rates.add(words.get(i).phonemes(), spelled.get(i));
    }
    return rates;
  }

  /** The attention weights {@code [phoneme][letter]} while spelling {@code word} as {@code phonemes}. */
  float[][] attention(String word, List<String> phonemes) {
    int[] ids = G2pData.PHONEME_VOCABULARY.encode(phonemes, false);
    return generator.attention(Map.of("letters", new float[][] {G2pData.letters(word)}), ids);
  }
}
