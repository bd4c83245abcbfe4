package dev.deepwire.runtime.sequence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token ids for sequence models: {@code 0} padding, {@code 1} begin of sequence, {@code 2} end of sequence,
 * {@code 3} unknown, then the tokens of the training sequences, most frequent first (ties alphabetical, so ids
 * are deterministic). Tokens are characters or words; the caller splits text into tokens.
 *
 * <pre>{@code
 * TokenVocabulary letters = TokenVocabulary.build(words.stream().map(TokenVocabulary::characters).toList(), 64);
 * int[] ids = letters.encode(TokenVocabulary.characters("deepwire"), true); // ..., EOS
 * }</pre>
 */
public final class TokenVocabulary {

  /** The padding id, masked by an {@code Embedding(maskZero = true)} and ignored by the loss. */
  public static final int PAD = 0;

  /** The first decoder input (teacher forcing shifts targets right behind it). */
  public static final int BOS = 1;

  /** The last target token: generation stops when the decoder emits it. */
  public static final int EOS = 2;

  /** A token not in the vocabulary. */
  public static final int UNK = 3;

  private static final List<String> SPECIALS = List.of("<pad>", "<bos>", "<eos>", "<unk>");

  private final List<String> tokens;
  private final Map<String, Integer> ids;

  private TokenVocabulary(List<String> tokens) {
    this.tokens = List.copyOf(tokens);
    Map<String, Integer> byToken = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      byToken.put(tokens.get(i), i);
    }
    this.ids = byToken;
  }

  /** The at most {@code maxSize - 4} most frequent tokens of {@code sequences}, behind the four specials. */
  public static TokenVocabulary build(Collection<? extends List<String>> sequences, int maxSize) {
    if (maxSize < SPECIALS.size() + 1) {
      throw new IllegalArgumentException("a token vocabulary needs maxSize >= 5 (four specials and one token),"
          + " got " + maxSize);
    }
    Map<String, Integer> counts = new HashMap<>();
    for (List<String> sequence : sequences) {
      for (String token : sequence) {
        counts.merge(token, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
    ranked.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    List<String> tokens = new ArrayList<>(SPECIALS);
    for (Map.Entry<String, Integer> entry : ranked) {
      if (tokens.size() == maxSize) {
        break;
      }
      if (!SPECIALS.contains(entry.getKey())) {
        tokens.add(entry.getKey());
      }
    }
    return new TokenVocabulary(tokens);
  }

  /** A vocabulary of exactly {@code tokens}, in this order, behind the four specials (e.g. a phone set). */
  public static TokenVocabulary of(List<String> tokens) {
    List<String> all = new ArrayList<>(SPECIALS);
    for (String token : tokens) {
      if (all.contains(token)) {
        throw new IllegalArgumentException("token '" + token + "' appears twice or is a reserved special");
      }
      all.add(token);
    }
    return new TokenVocabulary(all);
  }

  /** The characters of {@code text} as one-character tokens. */
  public static List<String> characters(String text) {
    return text.codePoints().mapToObj(Character::toString).toList();
  }

  /** The number of ids, specials included. */
  public int size() {
    return tokens.size();
  }

  /** The id of {@code token}, or {@link #UNK}. */
  public int id(String token) {
    return ids.getOrDefault(token, UNK);
  }

  /** The token of {@code id}. */
  public String token(int id) {
    if (id < 0 || id >= tokens.size()) {
      throw new IllegalArgumentException("token id " + id + " is outside this vocabulary of " + tokens.size());
    }
    return tokens.get(id);
  }

  /** The ids of {@code sequence}, followed by {@link #EOS} if {@code withEos}. */
  public int[] encode(List<String> sequence, boolean withEos) {
    int[] out = new int[sequence.size() + (withEos ? 1 : 0)];
    for (int i = 0; i < sequence.size(); i++) {
      out[i] = id(sequence.get(i));
    }
    if (withEos) {
      out[out.length - 1] = EOS;
    }
    return out;
  }

  /** The tokens of {@code ids} up to the first {@link #EOS} or {@link #PAD}, {@link #BOS} skipped. */
  public List<String> decode(int[] ids) {
    List<String> out = new ArrayList<>();
    for (int id : ids) {
      if (id == EOS || id == PAD) {
        break;
      }
      if (id != BOS) {
        out.add(token(id));
      }
    }
    return Collections.unmodifiableList(out);
  }
}
