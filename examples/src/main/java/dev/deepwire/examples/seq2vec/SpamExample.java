package dev.deepwire.examples.seq2vec;

import com.google.inject.Module;
import dev.deepwire.examples.ModelExample;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.runtime.History;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A SpamAssassin mail classifier example: trains the model on 80 % of the mails and reports test accuracy.
 * Subclasses name the model; every model reads {@link SpamMails#TOKENS} and outputs {@link SpamMails#SPAM}.
 *
 * @param <M> the annotated model class
 */
abstract class SpamExample<M> extends ModelExample<M> {

  SpamExample(String name, String description, Supplier<Module> module, Class<M> modelClass) {
    super(name, description, module, modelClass);
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
    SpamMails mails = SpamMails.load(settings.data(), SpamMails.SPLIT_SEED);
    try (ModelRun<M> run = start(settings.seed())) {
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
    SpamMails mails = SpamMails.load(settings.data(), SpamMails.SPLIT_SEED);
    try (ModelRun<M> run = start(settings.seed())) {
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
    SpamMails mails = SpamMails.load(settings.data(), SpamMails.SPLIT_SEED);
    try (ModelRun<M> run = start(settings.seed())) {
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
