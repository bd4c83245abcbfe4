package dev.deepwire.examples.seq2vec;

import dev.deepwire.examples.Example;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.runtime.History;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code seq2vec}: the GRU mail classifier {@link SpamClassifier} on SpamAssassin ham and spam. */
public final class Seq2VecExample implements Example {

  /** The split seed: fixed, so every run tests on the same 400 mails. */
  private static final long SPLIT_SEED = 7;

  @Override
  public String name() {
    return "seq2vec";
  }

  @Override
  public String description() {
    return "embedding + GRU classifying SpamAssassin mails as spam or ham from their first 80 words";
  }

  @Override
  public int defaultEpochs() {
    return 6;
  }

  @Override
  public int defaultBatchSize() {
    return 32;
  }

  @Override
  public Map<String, Object> train(RunSettings settings) throws IOException {
    SpamMails mails = SpamMails.load(settings.data(), SPLIT_SEED);
    try (ModelRun<SpamClassifier> run =
        ModelRun.start(new SpamClassifierModule(), SpamClassifier.class, settings.seed())) {
      History history = run.fit(mails.data().train(), null, settings);
      run.save(settings, settings.epochs());
      Map<String, Object> report = Reports.training(name(), settings, mails.data(), history);
      report.put("test_accuracy", run.evaluator().evaluate(mails.data().test()).get("accuracy"));
      report.put("model", settings.checkpoint().toString());
      return report;
    }
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    SpamMails mails = SpamMails.load(settings.data(), SPLIT_SEED);
    try (ModelRun<SpamClassifier> run =
        ModelRun.start(new SpamClassifierModule(), SpamClassifier.class, settings.seed())) {
      run.restore(settings, name());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("example", name());
      report.put("test_examples", mails.data().test().size());
      report.put("test_accuracy", run.evaluator().evaluate(mails.data().test()).get("accuracy"));
      return report;
    }
  }

  @Override
  public List<String> predict(RunSettings settings, int count) throws IOException {
    SpamMails mails = SpamMails.load(settings.data(), SPLIT_SEED);
    try (ModelRun<SpamClassifier> run =
        ModelRun.start(new SpamClassifierModule(), SpamClassifier.class, settings.seed())) {
      run.restore(settings, name());
      List<String> lines = new ArrayList<>();
      var test = mails.data().test();
      for (int i = 0; i < Math.min(count, test.size()); i++) {
        float p = run.predictor().predict(test.floats(SpamMails.TOKENS).example(i))[0];
        lines.add(String.format("#%d: p(spam) %.3f actual %s", i, p,
            test.floats(SpamMails.SPAM).values()[i] == 1 ? "spam" : "ham"));
      }
      return lines;
    }
  }
}
