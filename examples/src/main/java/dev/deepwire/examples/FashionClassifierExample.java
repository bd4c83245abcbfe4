package dev.deepwire.examples;

import com.google.inject.Module;
import dev.deepwire.examples.cluster.ClusterExample;
import dev.deepwire.examples.cluster.ClusterRun;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.LearningRateSchedule;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.distributed.ClusterSpec;
import dev.deepwire.runtime.distributed.TaskId;
import dev.deepwire.runtime.plots.ImageGrid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An example that classifies Fashion-MNIST images with model {@code M}: trains with cosine decay, reports
 * test accuracy, saves the weights and a PNG grid of predictions. The {@code dnn} and {@code cnn}
 * examples differ only in their model.
 *
 * @param <M> the annotated model class; its input is {@code image}, its output {@code label}
 */
public abstract class FashionClassifierExample<M> extends ModelExample<M> implements ClusterExample {

  private static final int GRID_IMAGES = 36;

  protected FashionClassifierExample(String name, String description, Supplier<Module> module, Class<M> modelClass) {
    super(name, description, module, modelClass);
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
    try (ModelRun<M> run = start(settings.seed())) {
      // Cosine decay to a tenth of Adam's rate: the last epochs settle instead of bouncing around.
      History history = run.fit(data.train(), null, settings, LearningRateSchedule.cosineDecay(0.1));
      run.save(settings, settings.epochs());
      Map<String, Double> test = run.evaluator().evaluate(data.test());
      Map<String, Object> report = Reports.training(name(), settings, data, history);
      if (!history.epochs().isEmpty()) { // empty when --resume finds the training finished already
        report.put("train_loss", history.last().train().get("loss"));
        report.put("train_accuracy", history.last().train().get("accuracy"));
      }
      report.put("test_loss", test.get("loss"));
      report.put("test_accuracy", test.get("accuracy"));
      report.put("model", settings.checkpoint().toString());
      report.put("predictions_png", writePredictionGrid(run, data.test(), settings.out()).toString());
      return report;
    }
  }

  @Override
  public Map<String, Object> trainOnCluster(RunSettings settings, ClusterSpec cluster, TaskId task) throws IOException {
    return ClusterRun.train(name(), module(), modelClass(), settings, cluster, task, FashionMnist.load(settings.data()),
        LearningRateSchedule.cosineDecay(0.1)); // the schedule of train(), over the global step
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    TrainTest data = FashionMnist.load(settings.data());
    try (ModelRun<M> run = start(settings.seed())) {
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
    try (ModelRun<M> run = start(settings.seed())) {
      run.restore(settings, name());
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < Math.min(count, test.size()); i++) {
        float[] scores = run.predictor().predict(test.floats(FashionMnist.IMAGE).example(i));
        int predicted = argMax(scores);
        int actual = test.ints(FashionMnist.LABEL).values()[i];
        lines.add(String.format("#%d predicted %-11s (p=%.2f) actual %-11s %s", i,
            FashionMnist.CLASS_NAMES.get(predicted), scores[predicted],
            FashionMnist.CLASS_NAMES.get(actual), predicted == actual ? "ok" : "WRONG"));
      }
      return lines;
    }
  }

  /** A PNG of the first test images with predicted and true labels, for a look at what it gets wrong. */
  private static Path writePredictionGrid(ModelRun<?> run, Dataset test, Path out) throws IOException {
    int n = Math.min(GRID_IMAGES, test.size());
    float[][] images = new float[n][];
    int[] actual = new int[n];
    for (int i = 0; i < n; i++) {
      images[i] = test.floats(FashionMnist.IMAGE).example(i);
      actual[i] = test.ints(FashionMnist.LABEL).values()[i];
    }
    float[][] scores = run.predictor().predict(images);
    int[] predicted = new int[n];
    for (int i = 0; i < n; i++) {
      predicted[i] = argMax(scores[i]);
    }
    Path png = out.resolve("predictions.png");
    ImageGrid.write(png, images, predicted, actual, FashionMnist.CLASS_NAMES);
    return png;
  }

  /** The index of the highest score. */
  public static int argMax(float[] scores) {
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }
}
