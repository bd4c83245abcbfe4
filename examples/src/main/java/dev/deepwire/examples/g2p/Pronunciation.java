package dev.deepwire.examples.g2p;

import java.util.List;

/**
 * A word and its phonemes, e.g. {@code deepwire -> D IY P W AY ER}.
 *
 * @param word the spelling, lower case
 * @param phonemes ARPAbet phonemes, stress marks removed
 */
public record Pronunciation(String word, List<String> phonemes) {

  /** Copies the phonemes. */
  public Pronunciation {
    phonemes = List.copyOf(phonemes);
  }
}
