package dev.deepwire.examples.bert;

import dev.deepwire.examples.ModelExample;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.MaskedLmVocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bert-pretrain}: masked-language-model pre-training of {@link BertEncoder} on Moby Dick, State of the
 * Union speeches and unlabelled training mails ({@link MlmCorpus}). Each epoch masks the training sequences
 * afresh (BERT's 15 %; 80/10/10); the held-out tenth is masked once with a fixed seed and scored against always
 * guessing the most frequent word. Saves the checkpoint and, beside it, the vocabulary that fine-tuning
 * ({@code bert-classify}) must use.
 */
public final class BertPretrainExample extends ModelExample<BertPretrain> {

  /** The file beside the checkpoint that holds the vocabulary, one token per line. */
  public static final String VOCABULARY_FILE = "vocabulary.txt";

  /** The held-out masking seed: fixed, so every run is scored on the same positions. */
  private static final long HELD_OUT_SEED = 99;

  public BertPretrainExample() {
    super("bert-pretrain",
        "masked-LM pre-training of a 2-block BERT encoder (tied output) on Moby Dick, SOTU and unlabelled mails",
        BertPretrainModule::new, BertPretrain.class);
  }

  @Override
  public int defaultEpochs() {
    return 4;
  }

  @Override
  public int defaultBatchSize() {
    return 32;
  }

  /** Where {@code train} leaves the vocabulary for a run with {@code settings}. */
  public static Path vocabularyFile(Path out) {
    return out.resolve(VOCABULARY_FILE);
  }

  @Override
  public Map<String, Object> train(RunSettings settings) throws IOException {
    MlmCorpus corpus = MlmCorpus.load(settings.data());
    int vocabulary = corpus.vocabulary().size();
    Dataset heldOut = MaskedBatches.of(corpus.heldOut(), vocabulary, HELD_OUT_SEED);
    List<Double> losses = new ArrayList<>();
    double seconds = 0;
    Dataset lastTrain = null;
    try (ModelRun<BertPretrain> run = start(settings.seed())) {
      for (int epoch = 0; epoch < settings.epochs(); epoch++) {
        lastTrain = MaskedBatches.of(corpus.train(), vocabulary, settings.seed() * 1000 + epoch);
        History history = run.fit(lastTrain, null, oneEpoch(settings, epoch));
        losses.add(history.last().train().get("loss"));
        seconds += history.trainSeconds();
      }
      run.save(settings, settings.epochs());
      corpus.vocabulary().save(vocabularyFile(settings.out()));
      double[] baseline = MaskedBatches.mostFrequentBaseline(lastTrain, heldOut);
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("example", name());
      report.put("epochs", settings.epochs());
      report.put("batch_size", settings.batchSize());
      report.put("train_examples", lastTrain.size());
      report.put("test_examples", heldOut.size());
      report.put("pretraining_mails", corpus.mails());
      report.put("train_seconds", seconds);
      report.put("examples_per_second", lastTrain.size() * (double) settings.epochs() / seconds);
      report.put("epoch_losses", losses);
      report.put("mlm_accuracy", run.evaluator().evaluate(heldOut).get("accuracy"));
      report.put("baseline_accuracy", baseline[0]);
      report.put("baseline_token", corpus.vocabulary().token((int) baseline[1]));
      report.put("model", settings.checkpoint().toString());
      report.put("vocabulary", vocabularyFile(settings.out()).toString());
      return report;
    }
  }

  /** One pass over a fresh masking, shuffled with its own seed. */
  private static RunSettings oneEpoch(RunSettings settings, int epoch) {
    return new RunSettings(1, settings.batchSize(), settings.data(), settings.seed() + epoch, settings.out(),
        settings.progress(), settings.training());
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    MlmCorpus corpus = MlmCorpus.load(settings.data());
    Dataset heldOut = MaskedBatches.of(corpus.heldOut(), corpus.vocabulary().size(), HELD_OUT_SEED);
    try (ModelRun<BertPretrain> run = start(settings.seed())) {
      run.restore(settings, name());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("example", name());
      report.put("test_examples", heldOut.size());
      report.put("mlm_accuracy", run.evaluator().evaluate(heldOut).get("accuracy"));
      return report;
    }
  }

  @Override
  public List<String> predict(RunSettings settings, int count) throws IOException {
    MlmCorpus corpus = MlmCorpus.load(settings.data());
    MaskedLmVocabulary words = corpus.vocabulary();
    Dataset heldOut = MaskedBatches.of(corpus.heldOut(), words.size(), HELD_OUT_SEED);
    try (ModelRun<BertPretrain> run = start(settings.seed())) {
      run.restore(settings, name());
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < Math.min(count, heldOut.size()); i++) {
        float[] probabilities = run.predictor().predict(Map.of(
            "tokens", new float[][] {heldOut.floats("tokens").example(i)},
            "positions", new float[][] {heldOut.floats("positions").example(i)},
            "weights", new float[][] {heldOut.floats("weights").example(i)})).get("predicted")[0];
        lines.add("#" + i + ": " + FilledBlanks.describe(words, heldOut, i, probabilities));
      }
      return lines;
    }
  }
}
