package dev.deepwire.examples.bert;

import dev.deepwire.examples.ModelExample;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.MissingDataException;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.examples.seq2vec.SpamMails;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.SubModelWeights;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.MaskedLmVocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bert-classify}: fine-tunes the {@code bert-pretrain} encoder to classify SpamAssassin mails: on every
 * training mail from the pre-trained weights (the model it saves), then on a small labelled subset ({@value #SMALL}
 * training mails) from scratch and from the pre-trained weights, {@value #SMALL_SEEDS} seeds each with the same
 * epochs. Mails are encoded with the pre-training vocabulary.
 *
 * <p>The pre-trained encoder is read from {@code $BERT_PRETRAINED} if set, else from {@code bert-pretrain}'s
 * output folder beside this example's ({@code runs/bert-pretrain} by default).
 */
public final class BertClassifyExample extends ModelExample<BertClassifier> {

  /** The labelled mails of the small-subset comparison. */
  public static final int SMALL = 500;

  /** The sub-model scope whose weights come from pre-training. */
  static final String ENCODER_SCOPE = "bertEncoder";

  /**
   * Seeds of the small-subset comparison: one run's gap on 400 test mails is within seed noise (±2 points), so
   * both sides are averaged over several seeds.
   */
  static final int SMALL_SEEDS = 3;

  public BertClassifyExample() {
    super("bert-classify", "the bert-pretrain encoder fine-tuned on SpamAssassin: 500 mails pre-trained vs scratch,"
        + " then all", BertClassifierModule::new, BertClassifier.class);
  }

  @Override
  public int defaultEpochs() {
    return 8;
  }

  @Override
  public int defaultBatchSize() {
    return 32;
  }

  /** The folder holding the pre-trained checkpoint and vocabulary. */
  static Path pretrainedDir(RunSettings settings) {
    String given = System.getenv("BERT_PRETRAINED");
    return given != null && !given.isBlank() ? Path.of(given)
        : settings.out().toAbsolutePath().resolveSibling("bert-pretrain");
  }

  @Override
  public Map<String, Object> train(RunSettings settings) throws IOException {
    Path pretrained = pretrainedDir(settings);
    TrainTest mails = load(settings, pretrained);
    Dataset small = mails.train().slice(0, Math.min(SMALL, mails.train().size()));
    Map<String, Object> report;
    try (ModelRun<BertClassifier> run = start(settings.seed())) {
      restoreEncoder(run, pretrained);
      History history = run.fit(mails.train(), null, settings);
      run.save(settings, settings.epochs());
      report = Reports.training(name(), settings, mails, history);
      report.put("test_accuracy", testAccuracy(run, mails));
    }
    report.put("small_subset_mails", small.size());
    List<Double> scratch = new ArrayList<>();
    List<Double> fromPretrained = new ArrayList<>();
    for (int i = 0; i < SMALL_SEEDS; i++) {
      scratch.add(smallRun(settings, settings.seed() + i, small, mails, null));
      fromPretrained.add(smallRun(settings, settings.seed() + i, small, mails, pretrained));
    }
    report.put("small_seeds", SMALL_SEEDS);
    report.put("small_scratch_accuracies", scratch);
    report.put("small_pretrained_accuracies", fromPretrained);
    report.put("small_scratch_accuracy", mean(scratch));
    report.put("small_pretrained_accuracy", mean(fromPretrained));
    report.put("pretrained", pretrained.toString());
    report.put("model", settings.checkpoint().toString());
    return report;
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /**
   * Trains on {@code small} with weights and shuffling from {@code seed}, the encoder from the pre-trained one in
   * {@code pretrained} (or fresh when null).
   */
  private double smallRun(RunSettings settings, long seed, Dataset small, TrainTest mails, Path pretrained)
      throws IOException {
    try (ModelRun<BertClassifier> run = start(seed)) {
      if (pretrained != null) {
        restoreEncoder(run, pretrained);
      }
      run.fit(small, null, settings.withSeed(seed));
      return testAccuracy(run, mails);
    }
  }

  private static void restoreEncoder(ModelRun<BertClassifier> run, Path pretrained) throws IOException {
    SubModelWeights.restore(run.model(), pretrained.resolve("model.dwckpt"), ENCODER_SCOPE);
  }

  private static double testAccuracy(ModelRun<BertClassifier> run, TrainTest mails) {
    return run.evaluator().evaluate(mails.test()).get("accuracy");
  }

  /** The mails split as {@link SpamMails} splits them, encoded with the pre-training vocabulary. */
  static TrainTest load(RunSettings settings, Path pretrained) throws IOException {
    Path vocabularyFile = BertPretrainExample.vocabularyFile(pretrained);
    if (!Files.exists(vocabularyFile)) {
      throw new MissingDataException("no pre-trained encoder in " + pretrained + " (expected model.dwckpt and "
          + BertPretrainExample.VOCABULARY_FILE + "): run `train bert-pretrain --out " + pretrained
          + "` first, or set BERT_PRETRAINED to its output folder");
    }
    MaskedLmVocabulary vocabulary = MaskedLmVocabulary.load(vocabularyFile);
    SpamMails.MailSplit split = SpamMails.split(SpamMails.mails(settings.data()), SpamMails.SPLIT_SEED);
    return new TrainTest(encode(split.train(), vocabulary), encode(split.test(), vocabulary));
  }

  private static Dataset encode(List<SpamMails.Mail> mails, MaskedLmVocabulary vocabulary) {
    return SpamMails.encode(mails, MlmCorpus.LENGTH, text -> vocabulary.encodeWithCls(text, MlmCorpus.LENGTH));
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    TrainTest mails = load(settings, pretrainedDir(settings));
    try (ModelRun<BertClassifier> run = start(settings.seed())) {
      run.restore(settings, name());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("example", name());
      report.put("test_examples", mails.test().size());
      report.put("test_accuracy", testAccuracy(run, mails));
      return report;
    }
  }

  @Override
  public List<String> predict(RunSettings settings, int count) throws IOException {
    TrainTest mails = load(settings, pretrainedDir(settings));
    try (ModelRun<BertClassifier> run = start(settings.seed())) {
      run.restore(settings, name());
      List<String> lines = new ArrayList<>();
      Dataset test = mails.test();
      for (int i = 0; i < Math.min(count, test.size()); i++) {
        float p = run.predictor().predict(test.floats(SpamMails.TOKENS).example(i))[0];
        lines.add(String.format("#%d: p(spam) %.3f actual %s", i, p,
            test.floats(SpamMails.SPAM).values()[i] == 1 ? "spam" : "ham"));
      }
      return lines;
    }
  }
}
