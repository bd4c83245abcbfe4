package dev.deepwire.runtime.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token ids for an {@code Embedding}: id 0 is padding, id 1 an unknown token, and ids 2 .. size − 1 the most
 * frequent tokens of the texts it was built from (ties broken alphabetically, so the ids are deterministic).
 */
public final class Vocabulary {

  /** The padding id, masked by {@code Embedding(maskZero = true)}. */
  public static final int PADDING = 0;

  /** The id of a token outside the vocabulary. */
  public static final int UNKNOWN = 1;

  private final Map<String, Integer> ids;

  private Vocabulary(Map<String, Integer> ids) {
    this.ids = ids;
  }

  /** The {@code size − 2} most frequent tokens of {@code texts} (build it from the training texts only). */
  public static Vocabulary build(Collection<String> texts, int size) {
    if (size < 3) {
      throw new IllegalArgumentException("a vocabulary needs size >= 3 (padding, unknown, one token), got " + size);
    }
    List<String> ranked = mostFrequent(texts, size - 2);
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < ranked.size(); i++) {
      ids.put(ranked.get(i), i + 2);
    }
    return new Vocabulary(ids);
  }

  /** The {@code limit} most frequent words of {@code texts}, most frequent first, ties alphabetical. */
  static List<String> mostFrequent(Collection<String> texts, int limit) {
    Map<String, Integer> counts = new HashMap<>();
    for (String text : texts) {
      for (String word : Tokenizer.words(text)) {
        counts.merge(word, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
    ranked.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    return ranked.stream().limit(limit).map(Map.Entry::getKey).toList();
  }

  /** The number of ids, padding and unknown included. */
  public int size() {
    return ids.size() + 2;
  }

  /** The id of {@code token}. */
  public int id(String token) {
    return ids.getOrDefault(token, UNKNOWN);
  }

  /** The first {@code length} token ids of {@code text}, padded with {@link #PADDING} at the end. */
  public float[] encode(String text, int length) {
    float[] out = new float[length];
    List<String> words = Tokenizer.words(text);
    for (int i = 0; i < Math.min(length, words.size()); i++) {
      out[i] = id(words.get(i));
    }
    return out;
  }
}
