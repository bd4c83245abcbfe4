package dev.deepwire.examples.dnn;

import dev.deepwire.examples.Example;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.plots.ImageGrid;
import dev.deepwire.runtime.LearningRateSchedule;
import dev.deepwire.runtime.data.Dataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code dnn}: the deep MLP {@link FashionDnn} on Fashion-MNIST. */
public final class DnnExample implements Example {

  @Override
  public String name() {
    return "dnn";
  }

  @Override
  public String description() {
    return "deep MLP (3 hidden layers: ReLU, leaky ReLU, ReLU; dropout; softmax) on Fashion-MNIST";
  }

  @Override
  public int defaultEpochs() {
    return 10;
  }

  @Override
  public int defaultBatchSize() {
    return 64;
  }

  @Override
  public Map<String, Object> train(RunSettings settings) throws IOException {
    TrainTest data = FashionMnist.load(settings.data());
    try (ModelRun<FashionDnn> run = ModelRun.start(new FashionDnnModule(), FashionDnn.class, settings.seed())) {
      // Cosine decay to a tenth of Adam's rate: the last epochs settle instead of bouncing around.
      History history = run.fit(data.train(), null, settings, LearningRateSchedule.cosineDecay(0.1));
      run.save(settings, settings.epochs());
      Map<String, Double> test = run.evaluator().evaluate(data.test());
      Map<String, Object> report = Reports.training(name(), settings, data, history);
      report.put("train_loss", history.last().train().get("loss"));
      report.put("train_accuracy", history.last().train().get("accuracy"));
      report.put("test_loss", test.get("loss"));
      report.put("test_accuracy", test.get("accuracy"));
      report.put("model", settings.checkpoint().toString());
      report.put("predictions_png", writePredictionGrid(run, data.test(), settings).toString());
      return report;
    }
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    TrainTest data = FashionMnist.load(settings.data());
    try (ModelRun<FashionDnn> run = ModelRun.start(new FashionDnnModule(), FashionDnn.class, settings.seed())) {
      run.restore(settings, name());
      Map<String, Double> test = run.evaluator().evaluate(data.test());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("example", name());
      report.put("test_examples", data.test().size());
      report.put("test_loss", test.get("loss"));
      report.put("test_accuracy", test.get("accuracy"));
      return report;
    }
  }

  @Override
  public List<String> predict(RunSettings settings, int count) throws IOException {
    Dataset test = FashionMnist.load(settings.data()).test();
    try (ModelRun<FashionDnn> run = ModelRun.start(new FashionDnnModule(), FashionDnn.class, settings.seed())) {
      run.restore(settings, name());
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < Math.min(count, test.size()); i++) {
        float[] image = test.floats(FashionMnist.IMAGE).example(i);
        float[] scores = run.predictor().predict(image);
        int predicted = argMax(scores);
        int actual = test.ints(FashionMnist.LABEL).values()[i];
        lines.add(String.format("#%d predicted %-11s (p=%.2f) actual %-11s %s", i,
            FashionMnist.CLASS_NAMES.get(predicted), scores[predicted],
            FashionMnist.CLASS_NAMES.get(actual), predicted == actual ? "ok" : "WRONG"));
      }
      return lines;
    }
  }

  /** A PNG of the first 36 test images with predicted and true labels, for a look at what it gets wrong. */
  private static java.nio.file.Path writePredictionGrid(ModelRun<FashionDnn> run, Dataset test, RunSettings settings)
      throws IOException {
    int n = Math.min(36, test.size());
    float[][] images = new float[n][];
    int[] predicted = new int[n];
    int[] actual = new int[n];
    for (int i = 0; i < n; i++) {
      images[i] = test.floats(FashionMnist.IMAGE).example(i);
      actual[i] = test.ints(FashionMnist.LABEL).values()[i];
    }
    float[][] scores = run.predictor().predict(images);
    for (int i = 0; i < n; i++) {
      predicted[i] = argMax(scores[i]);
    }
    java.nio.file.Path png = settings.out().resolve("predictions.png");
    ImageGrid.write(png, images, predicted, actual, FashionMnist.CLASS_NAMES);
    return png;
  }

  private static int argMax(float[] scores) {
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }
}
