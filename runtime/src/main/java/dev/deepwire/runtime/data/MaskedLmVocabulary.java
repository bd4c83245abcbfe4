package dev.deepwire.runtime.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word vocabulary for masked-language-model pre-training and the fine-tuning after it: ids 0-3 are the special
 * tokens {@code [PAD]}, {@code [UNK]}, {@code [MASK]} and {@code [CLS]}, then the most frequent words of the
 * texts it was built from (ties alphabetical, so ids are deterministic).
 *
 * <p>Save it beside the pre-trained checkpoint ({@link #save}) and {@link #load} it for fine-tuning: the
 * encoder's embedding rows mean these words only.
 */
public final class MaskedLmVocabulary {

  /** Padding, masked out by {@code Embedding(maskZero = true)}. */
  public static final int PAD = 0;
  /** A word outside the vocabulary. */
  public static final int UNKNOWN = 1;
  /** The token that replaces most words chosen for prediction. */
  public static final int MASK = 2;
  /** The first token of every sequence; its vector summarises the sequence for classification. */
  public static final int CLS = 3;
  /** The id of the most frequent word. */
  public static final int FIRST_WORD = 4;

  private static final List<String> SPECIALS = List.of("[PAD]", "[UNK]", "[MASK]", "[CLS]");

  private final List<String> tokens;
  private final Map<String, Integer> ids = new HashMap<>();

  private MaskedLmVocabulary(List<String> tokens) {
    this.tokens = List.copyOf(tokens);
    for (int i = 0; i < this.tokens.size(); i++) {
      ids.put(this.tokens.get(i), i);
    }
  }

  /** The special tokens and the {@code size - 4} most frequent words of {@code texts}. */
  public static MaskedLmVocabulary build(Collection<String> texts, int size) {
    if (size <= FIRST_WORD) {
      throw new IllegalArgumentException("a masked-LM vocabulary needs size > " + FIRST_WORD
          + " (four special tokens and a word), got " + size);
    }
    List<String> tokens = new ArrayList<>(SPECIALS);
    tokens.addAll(Vocabulary.mostFrequent(texts, size - FIRST_WORD));
    return new MaskedLmVocabulary(tokens);
  }

  /** Writes one token per line, in id order. */
  public void save(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.write(file, tokens, StandardCharsets.UTF_8);
  }

  /**
   * Reads a vocabulary written by {@link #save}.
   *
   * @throws IOException if the file does not start with the four special tokens
   */
  public static MaskedLmVocabulary load(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.size() <= FIRST_WORD || !lines.subList(0, FIRST_WORD).equals(SPECIALS)) {
      throw new IOException(file + ": not a masked-LM vocabulary (expected the lines " + SPECIALS
          + " first, then words)");
    }
    return new MaskedLmVocabulary(lines);
  }

  /** The number of ids, special tokens included. */
  public int size() {
    return tokens.size();
  }

  /** The id of {@code word}, {@link #UNKNOWN} if it is not in the vocabulary. */
  public int id(String word) {
    return ids.getOrDefault(word, UNKNOWN);
  }

  /** The token of {@code id}. */
  public String token(int id) {
    return tokens.get(id);
  }

  /** The ids of every word of {@code text}, in order. */
  public int[] ids(String text) {
    return Tokenizer.words(text).stream().mapToInt(this::id).toArray();
  }

  /** {@code [CLS]} and the first {@code length - 1} word ids of {@code text}, padded to {@code length}. */
  public float[] encodeWithCls(String text, int length) {
    float[] out = new float[length];
    out[0] = CLS;
    List<String> words = Tokenizer.words(text);
    for (int i = 0; i < Math.min(length - 1, words.size()); i++) {
      out[i + 1] = id(words.get(i));
    }
    return out;
  }
}
