package dev.deepwire.examples.timeseries;

import com.google.inject.Module;
import dev.deepwire.examples.Example;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.LearningRateSchedule;
import dev.deepwire.runtime.data.Dataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A recurrent sunspot forecaster as a command-line example: train, evaluate and predict on {@link SunspotSeries}. */
abstract class ForecastExample<M> implements Example {

  private final Class<M> model;
  private final Supplier<Module> module;

  ForecastExample(Class<M> model, Supplier<Module> module) {
    this.model = model;
    this.module = module;
  }

  @Override
  public int defaultEpochs() {
    return 60;
  }

  @Override
  public int defaultBatchSize() {
    return 16;
  }

  @Override
  public Map<String, Object> train(RunSettings settings) throws IOException {
    SunspotSeries data = SunspotSeries.load(settings.data());
    TrainTest parts = parts(data);
    try (ModelRun<M> run = ModelRun.start(module.get(), model, settings.seed())) {
      History history = run.fit(parts.train(), null, settings, LearningRateSchedule.cosineDecay(0.05));
      run.save(settings, settings.epochs());
      Map<String, Object> report = Reports.training(name(), settings, parts, history);
      report.putAll(test(run, data, parts.test()));
      report.put("model", settings.checkpoint().toString());
      return report;
    }
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    SunspotSeries data = SunspotSeries.load(settings.data());
    TrainTest parts = parts(data);
    try (ModelRun<M> run = ModelRun.start(module.get(), model, settings.seed())) {
      run.restore(settings, name());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("example", name());
      report.put("test_examples", parts.test().size());
      report.putAll(test(run, data, parts.test()));
      return report;
    }
  }

  @Override
  public List<String> predict(RunSettings settings, int count) throws IOException {
    SunspotSeries data = SunspotSeries.load(settings.data());
    Dataset test = parts(data).test();
    try (ModelRun<M> run = ModelRun.start(module.get(), model, settings.seed())) {
      run.restore(settings, name());
      List<String> lines = new ArrayList<>();
      int firstYear = 1700 + data.split().trainEnd();
      for (int i = 0; i < Math.min(count, test.size()); i++) {
        float predicted = run.predictor().predict(test.floats(SunspotSeries.HISTORY).example(i))[0];
        lines.add(String.format("#%d %d: predicted %.1f actual %.1f", i, firstYear + i,
            data.scaler().invert(predicted), data.scaler().invert(data.test().targets()[i])));
      }
      return lines;
    }
  }

  private static TrainTest parts(SunspotSeries data) {
    return new TrainTest(data.train().toDataset(SunspotSeries.HISTORY, SunspotSeries.NEXT),
        data.test().toDataset(SunspotSeries.HISTORY, SunspotSeries.NEXT));
  }

  /** Test RMSE in sunspot numbers, against the persistence forecast (next year = this year). */
  private Map<String, Object> test(ModelRun<M> run, SunspotSeries data, Dataset test) {
    Map<String, Double> metrics = run.evaluator().evaluate(test);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("test_loss", metrics.get("loss"));
    report.put("test_rmse", metrics.get("rmse") * data.scaler().std());
    report.put("baseline_rmse", data.persistenceRmse());
    return report;
  }
}
