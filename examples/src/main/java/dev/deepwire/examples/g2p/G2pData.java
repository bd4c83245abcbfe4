package dev.deepwire.examples.g2p;

import dev.deepwire.examples.data.DataSource;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.sequence.TeacherForcing;
import dev.deepwire.runtime.sequence.TokenVocabulary;
import java.io.IOException;
import java.util.List;

/**
 * CMUdict words as model columns: {@code letters} (ids, 0-padded, {@value #LETTERS}), {@code previousPhonemes}
 * (BOS and the phonemes, teacher forcing, {@value #PHONEMES}) and {@code phonemes} (the phonemes and EOS, int
 * targets). Words longer than {@value #LETTERS} letters or {@value #LETTERS} phonemes (0.15 % of the
 * dictionary) are left out of both splits.
 *
 * @param train training words
 * @param test held-out words
 */
public record G2pData(List<Pronunciation> train, List<Pronunciation> test) {

  /** Letters per word, padded. */
  public static final int LETTERS = 16;
  /** Decoder steps: at most {@value #LETTERS} phonemes and EOS. */
  public static final int PHONEMES = LETTERS + 1;
  /** The letters a word may use. */
  public static final TokenVocabulary LETTER_VOCABULARY =
      TokenVocabulary.of(TokenVocabulary.characters("abcdefghijklmnopqrstuvwxyz'"));
  /** CMUdict's 39 phonemes without stress. */
  public static final TokenVocabulary PHONEME_VOCABULARY = TokenVocabulary.of(List.of("AA", "AE", "AH", "AO", "AW",
      "AY", "B", "CH", "D", "DH", "EH", "ER", "EY", "F", "G", "HH", "IH", "IY", "JH", "K", "L", "M", "N", "NG", "OW",
      "OY", "P", "R", "S", "SH", "T", "TH", "UH", "UW", "V", "W", "Y", "Z", "ZH"));
  /** Letter ids, the specials included. */
  public static final int LETTER_IDS = 31;
  /** Phoneme ids, the specials included. */
  public static final int PHONEME_IDS = 43;

  /** The dictionary split 90/10 by word with {@code seed}. */
  public static G2pData load(DataSource source, long seed) throws IOException {
    List<Pronunciation> usable = CmuDict.read(source).stream()
        .filter(p -> p.word().length() <= LETTERS && p.phonemes().size() <= LETTERS).toList();
    CmuDict.Split split = CmuDict.split(usable, 0.9, seed);
    return new G2pData(split.train(), split.test());
  }

  /** The letter ids of {@code word} (lower case), padded to {@value #LETTERS}. */
  public static float[] letters(String word) {
    if (word.length() > LETTERS) {
      throw new IllegalArgumentException("'" + word + "' has more than " + LETTERS + " letters");
    }
    int[] ids = LETTER_VOCABULARY.encode(TokenVocabulary.characters(word), false);
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == TokenVocabulary.UNK) {
        throw new IllegalArgumentException("'" + word + "' has '" + word.charAt(i) + "', which is neither a letter"
            + " a-z nor an apostrophe");
      }
    }
    return TeacherForcing.padded(ids, LETTERS);
  }

  /** The model columns of {@code words}. */
  public static Dataset columns(List<Pronunciation> words) {
    int n = words.size();
    float[] letters = new float[n * LETTERS];
    float[] previous = new float[n * PHONEMES];
    int[] targets = new int[n * PHONEMES];
    for (int i = 0; i < n; i++) {
      Pronunciation p = words.get(i);
      System.arraycopy(letters(p.word()), 0, letters, i * LETTERS, LETTERS);
      int[] phonemes = PHONEME_VOCABULARY.encode(p.phonemes(), false);
      System.arraycopy(TeacherForcing.decoderInput(phonemes, PHONEMES), 0, previous, i * PHONEMES, PHONEMES);
      float[] target = TeacherForcing.decoderTarget(phonemes, PHONEMES);
      for (int t = 0; t < PHONEMES; t++) {
        targets[i * PHONEMES + t] = (int) target[t];
      }
    }
    return Dataset.builder().floats("letters", letters, LETTERS).floats("previousPhonemes", previous, PHONEMES)
        .ints("phonemes", targets, PHONEMES).build();
  }
}
