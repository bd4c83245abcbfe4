package dev.deepwire.examples.caption;

import dev.deepwire.examples.data.DataSet;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.data.CsvReader;
import dev.deepwire.runtime.data.CsvTable;
import dev.deepwire.runtime.data.DataFormatException;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.sequence.TeacherForcing;
import dev.deepwire.runtime.sequence.TokenVocabulary;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * Strips of one to four real 8×8 handwritten digits side by side ({@code [8, 32, 1]}, right-padded with
 * blank), captioned by their spelled-out words, e.g. {@code "three one four"}.
 *
 * <p>The 1,797 scikit-learn digits (UCI optical recognition of handwritten digits) are split 80/20 with a fixed
 * seed <em>before</em> strips are made, so every held-out strip is made of digit images the model never saw.
 * Columns: {@code strip} (pixels / 16), {@code previousWords} (teacher forcing) and {@code words} (int targets).
 */
public final class DigitStrips {

  /** Digits per strip at most. */
  public static final int MAX_DIGITS = 4;
  /** Decoder steps: four words and EOS. */
  public static final int WORDS = MAX_DIGITS + 1;
  /** Strip width in pixels. */
  public static final int WIDTH = 8 * MAX_DIGITS;
  /** The ten digit words. */
  public static final TokenVocabulary VOCABULARY = TokenVocabulary.of(List.of("zero", "one", "two", "three", "four",
      "five", "six", "seven", "eight", "nine"));
  /** Word ids, the specials included. */
  public static final int WORD_IDS = 14;

  /** {@code digits.csv.gz}: bundled, or scikit-learn's copy. */
  public static final DataSet DATA = new DataSet("Handwritten digits 8x8 (UCI, via scikit-learn)",
      "/dev/deepwire/examples/data/digits", Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data"),
      "apt-get install python3-sklearn", List.of("digits.csv.gz"));

  private DigitStrips() {}

  /** One digit image: 64 pixels in 0..16 and its label. */
  record Digit(float[] pixels, int label) {}

  /** Training strips from 80 % of the digit images, test strips from the other 20 %. */
  public static TrainTest load(DataSource source, int trainStrips, int testStrips, long seed) throws IOException {
    List<Digit> digits = read(source);
    int[] order = Dataset.permutation(digits.size(), seed);
    int trainCount = digits.size() * 4 / 5;
    List<Digit> train = new ArrayList<>();
    List<Digit> test = new ArrayList<>();
    for (int i = 0; i < order.length; i++) {
      (i < trainCount ? train : test).add(digits.get(order[i]));
    }
    return new TrainTest(strips(train, trainStrips, seed + 1), strips(test, testStrips, seed + 2));
  }

  static List<Digit> read(DataSource source) throws IOException {
    source.require(DATA);
    CsvTable table;
    try (Reader in = new InputStreamReader(new GZIPInputStream(source.open(DATA, "digits.csv.gz")),
        StandardCharsets.UTF_8)) {
      table = CsvReader.options().delimiter(',').read(in, "digits.csv.gz");
    }
    if (table.columnCount() != 65) {
      throw new DataFormatException("digits.csv.gz", "expected 65 columns (64 pixels and a label), found "
          + table.columnCount());
    }
    float[][] columns = new float[64][];
    for (int p = 0; p < 64; p++) {
      columns[p] = table.column(p);
    }
    float[] labels = table.column(64);
    List<Digit> digits = new ArrayList<>();
    for (int r = 0; r < labels.length; r++) {
      float[] pixels = new float[64];
      for (int p = 0; p < 64; p++) {
        pixels[p] = columns[p][r];
      }
      if (labels[r] < 0 || labels[r] > 9 || labels[r] != Math.rint(labels[r])) {
        throw new DataFormatException("digits.csv.gz", "record " + (r + 1) + ": label " + labels[r]
            + " is not a digit 0-9");
      }
      digits.add(new Digit(pixels, (int) labels[r]));
    }
    return digits;
  }

  /** {@code n} strips of 1 to 4 digits drawn from {@code pool}. */
  static Dataset strips(List<Digit> pool, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] pixels = new float[n * 8 * WIDTH];
    float[] previous = new float[n * WORDS];
    int[] targets = new int[n * WORDS];
    for (int i = 0; i < n; i++) {
      int count = 1 + random.nextInt(MAX_DIGITS);
      int[] words = new int[count];
      for (int d = 0; d < count; d++) {
        Digit digit = pool.get(random.nextInt(pool.size()));
        words[d] = VOCABULARY.id(VOCABULARY.token(4 + digit.label()));
        for (int y = 0; y < 8; y++) {
          for (int x = 0; x < 8; x++) {
            pixels[i * 8 * WIDTH + y * WIDTH + d * 8 + x] = digit.pixels()[y * 8 + x] / 16f;
          }
        }
      }
      System.arraycopy(TeacherForcing.decoderInput(words, WORDS), 0, previous, i * WORDS, WORDS);
      float[] target = TeacherForcing.decoderTarget(words, WORDS);
      for (int t = 0; t < WORDS; t++) {
        targets[i * WORDS + t] = (int) target[t];
      }
    }
    return Dataset.builder().floats("strip", pixels, 8, WIDTH, 1).floats("previousWords", previous, WORDS)
        .ints("words", targets, WORDS).build();
  }

  /** The word ids of strip {@code i} of {@code data}, EOS and padding dropped. */
  public static List<String> caption(Dataset data, int i) {
    int[] row = data.ints("words").example(i);
    return VOCABULARY.decode(row);
  }
}
