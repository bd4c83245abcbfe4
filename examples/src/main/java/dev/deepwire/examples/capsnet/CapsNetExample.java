package dev.deepwire.examples.capsnet;

import static dev.deepwire.examples.FashionClassifierExample.argMax;

import dev.deepwire.examples.Example;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.LearningRateSchedule;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.plots.ImageGrid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code capsnet}: {@link FashionCapsNet} on Fashion-MNIST; reports test accuracy (the longest capsule is the
 * class) and writes {@code reconstructions.png}: test images, each followed by the decoder's reconstruction
 * from its longest capsule.
 */
public final class CapsNetExample implements Example {

  private static final int RECONSTRUCTED_IMAGES = 18;

  @Override
  public String name() {
    return "capsnet";
  }

  @Override
  public String description() {
    return "capsule network (conv 32, 8x8D primary capsules, 10x16D class capsules, 3 routing iterations,"
        + " masked reconstruction decoder) on Fashion-MNIST";
  }

  @Override
  public int defaultEpochs() {
    return 5;
  }

  @Override
  public int defaultBatchSize() {
    return 64;
  }

  @Override
  public Map<String, Object> train(RunSettings settings) throws IOException {
    TrainTest data = OneHotLabels.of(FashionMnist.load(settings.data()));
    try (ModelRun<FashionCapsNet> run = start(settings)) {
      History history = run.fit(data.train(), null, settings, LearningRateSchedule.cosineDecay(0.1));
      run.save(settings, settings.epochs());
      Map<String, Object> report = Reports.training(name(), settings, data, history);
      report.put("seconds_per_epoch", history.trainSeconds() / history.epochs().size());
      report.put("train_loss", history.last().train().get("loss"));
      report.putAll(testFigures(run, data.test()));
      report.put("model", settings.checkpoint().toString());
      report.put("reconstructions_png", writeReconstructions(run, data.test(), settings.out()).toString());
      return report;
    }
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    TrainTest data = OneHotLabels.of(FashionMnist.load(settings.data()));
    try (ModelRun<FashionCapsNet> run = start(settings)) {
      run.restore(settings, name());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("example", name());
      report.put("test_examples", data.test().size());
      report.putAll(testFigures(run, data.test()));
      return report;
    }
  }

  @Override
  public List<String> predict(RunSettings settings, int count) throws IOException {
    Dataset test = OneHotLabels.of(FashionMnist.load(settings.data()).test());
    try (ModelRun<FashionCapsNet> run = start(settings)) {
      run.restore(settings, name());
      int n = Math.min(count, test.size());
      float[][] scores = predictions(run, test, n).get("scores");
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int predicted = argMax(scores[i]);
        int actual = argMax(test.floats(FashionMnist.LABEL).example(i));
        lines.add(String.format("#%d longest capsule %-11s (length %.2f) actual %-11s %s", i,
            FashionMnist.CLASS_NAMES.get(predicted), scores[i][predicted], FashionMnist.CLASS_NAMES.get(actual),
            predicted == actual ? "ok" : "WRONG"));
      }
      return lines;
    }
  }

  private static ModelRun<FashionCapsNet> start(RunSettings settings) {
    return ModelRun.start(new FashionCapsNetModule(), FashionCapsNet.class, settings.seed());
  }

  private static Map<String, Object> testFigures(ModelRun<FashionCapsNet> run, Dataset test) {
    Map<String, Double> figures = run.evaluator().evaluate(test);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("test_loss", figures.get("loss"));
    report.put("test_margin_loss", figures.get("scores_loss"));
    report.put("test_reconstruction_mse", figures.get("reconstruction_loss"));
    report.put("test_accuracy", figures.get("scores_accuracy"));
    return report;
  }

  /**
   * The outputs for the first {@code n} test images, the label input zeroed: at inference the decoder reads the
   * longest capsule, so the true class must not (and does not) matter.
   */
  private static Map<String, float[][]> predictions(ModelRun<FashionCapsNet> run, Dataset test, int n) {
    float[][] images = new float[n][];
    for (int i = 0; i < n; i++) {
      images[i] = test.floats(FashionMnist.IMAGE).example(i);
    }
    return run.predictor().predict(Map.of("image", images, "label", new float[n][OneHotLabels.CLASSES]));
  }

  private static Path writeReconstructions(ModelRun<FashionCapsNet> run, Dataset test, Path out) throws IOException {
    int n = Math.min(RECONSTRUCTED_IMAGES, test.size());
    Map<String, float[][]> outputs = predictions(run, test, n);
    float[][] images = new float[2 * n][];
    int[] predicted = new int[2 * n];
    int[] actual = new int[2 * n];
    for (int i = 0; i < n; i++) {
      images[2 * i] = test.floats(FashionMnist.IMAGE).example(i);
      images[2 * i + 1] = outputs.get("reconstruction")[i];
      predicted[2 * i] = predicted[2 * i + 1] = argMax(outputs.get("scores")[i]);
      actual[2 * i] = actual[2 * i + 1] = argMax(test.floats(FashionMnist.LABEL).example(i));
    }
    Path png = out.resolve("reconstructions.png");
    ImageGrid.write(png, images, predicted, actual, FashionMnist.CLASS_NAMES);
    return png;
  }
}
