package dev.deepwire.examples.cnn1d;

import dev.deepwire.examples.Example;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.LearningRateSchedule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code cnn1d}: the 1D convolutional forecaster {@link SunspotCnn} on yearly sunspot numbers. */
public final class Cnn1dExample implements Example {

  @Override
  public String name() {
    return "cnn1d";
  }

  @Override
  public String description() {
    return "1D CNN forecasting next year's sunspot number from the 24 before (SIDC series 1700-2008)";
  }

  @Override
  public int defaultEpochs() {
    return 150;
  }

  @Override
  public int defaultBatchSize() {
    return 16;
  }

  @Override
  public Map<String, Object> train(RunSettings settings) throws IOException {
    TrainTest data = Sunspots.load(settings.data());
    try (ModelRun<SunspotCnn> run = ModelRun.start(new SunspotCnnModule(), SunspotCnn.class, settings.seed())) {
      History history = run.fit(data.train(), null, settings, LearningRateSchedule.cosineDecay(0.1));
      run.save(settings, settings.epochs());
      Map<String, Object> report = Reports.training(name(), settings, data, history);
      report.putAll(test(run, data));
      report.put("model", settings.checkpoint().toString());
      return report;
    }
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    TrainTest data = Sunspots.load(settings.data());
    try (ModelRun<SunspotCnn> run = ModelRun.start(new SunspotCnnModule(), SunspotCnn.class, settings.seed())) {
      run.restore(settings, name());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("example", name());
      report.put("test_examples", data.test().size());
      report.putAll(test(run, data));
      return report;
    }
  }

  @Override
  public List<String> predict(RunSettings settings, int count) throws IOException {
    TrainTest data = Sunspots.load(settings.data());
    try (ModelRun<SunspotCnn> run = ModelRun.start(new SunspotCnnModule(), SunspotCnn.class, settings.seed())) {
      run.restore(settings, name());
      List<String> lines = new ArrayList<>();
      float[] next = data.test().floats(Sunspots.NEXT).values();
      for (int i = 0; i < Math.min(count, next.length); i++) {
        float predicted = run.predictor().predict(data.test().floats(Sunspots.HISTORY).example(i))[0];
        lines.add(String.format("#%d %d: predicted %.1f actual %.1f", i, Sunspots.LAST_TRAIN_YEAR + 1 + i,
            predicted * Sunspots.SCALE, next[i] * Sunspots.SCALE));
      }
      return lines;
    }
  }

  /** Test RMSE in sunspot numbers, against the persistence forecast (next year = this year). */
  private static Map<String, Object> test(ModelRun<SunspotCnn> run, TrainTest data) {
    Map<String, Double> test = run.evaluator().evaluate(data.test());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("test_loss", test.get("loss"));
    report.put("test_rmse", test.get("rmse") * Sunspots.SCALE);
    report.put("persistence_rmse", Sunspots.persistenceRmse(data.test()));
    return report;
  }
}
