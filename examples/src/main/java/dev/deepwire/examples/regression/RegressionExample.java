package dev.deepwire.examples.regression;

import dev.deepwire.examples.Example;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.examples.data.WineFlavanoids;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.data.Dataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code regression}: {@link WineRegression}, a linear-output MLP trained with MSE on the wine data. */
public final class RegressionExample implements Example {

  @Override
  public String name() {
    return "regression";
  }

  @Override
  public String description() {
    return "MLP with linear output and MSE: wine flavanoids from 12 chemical measurements (UCI wine)";
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
    TrainTest data = WineFlavanoids.load(settings.data());
    try (ModelRun<WineRegression> run =
        ModelRun.start(new WineRegressionModule(), WineRegression.class, settings.seed())) {
      History history = run.fit(data.train(), null, settings);
      run.save(settings, settings.epochs());
      Map<String, Object> report = Reports.training(name(), settings, data, history);
      report.put("train_rmse", history.last().train().get("rmse"));
      report.putAll(testFigures(run, data));
      report.put("model", settings.checkpoint().toString());
      return report;
    }
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    TrainTest data = WineFlavanoids.load(settings.data());
    try (ModelRun<WineRegression> run =
        ModelRun.start(new WineRegressionModule(), WineRegression.class, settings.seed())) {
      run.restore(settings, name());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("example", name());
      report.put("test_examples", data.test().size());
      report.putAll(testFigures(run, data));
      return report;
    }
  }

  @Override
  public List<String> predict(RunSettings settings, int count) throws IOException {
    Dataset test = WineFlavanoids.load(settings.data()).test();
    try (ModelRun<WineRegression> run =
        ModelRun.start(new WineRegressionModule(), WineRegression.class, settings.seed())) {
      run.restore(settings, name());
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < Math.min(count, test.size()); i++) {
        float predicted = run.predictor().predict(test.floats(WineFlavanoids.FEATURES).example(i))[0];
        float actual = test.floats(WineFlavanoids.TARGET).values()[i];
        lines.add(String.format("#%d predicted flavanoids %.2f actual %.2f (error %+.2f)",
            i, predicted, actual, predicted - actual));
      }
      return lines;
    }
  }

  /** Test RMSE and MAE in the target's units, with the predict-the-mean baseline to compare. */
  private static Map<String, Object> testFigures(ModelRun<WineRegression> run, TrainTest data) {
    Map<String, Double> test = run.evaluator().evaluate(data.test());
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("test_rmse", test.get("rmse"));
    figures.put("test_mae", test.get("mae"));
    double baseline = WineFlavanoids.baselineRmse(data);
    figures.put("baseline_rmse", baseline);
    figures.put("rmse_vs_baseline", test.get("rmse") / baseline);
    return figures;
  }
}
