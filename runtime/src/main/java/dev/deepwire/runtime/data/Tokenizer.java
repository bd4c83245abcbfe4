package dev.deepwire.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into lower-case word tokens: runs of letters, digits, apostrophes and {@code $}, and single {@code !}. */
public final class Tokenizer {

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}'$]+|!");

  private Tokenizer() {}

  /** The tokens of {@code text}, in order. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
