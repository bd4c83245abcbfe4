package dev.deepwire.examples.generative;

import com.google.inject.Module;
import dev.deepwire.examples.ModelExample;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.Predictor;
import dev.deepwire.runtime.data.Dataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An example that trains autoencoder {@code M} on Fashion-MNIST images and measures what its code is good
 * for on the test images. Subclasses say what the model trains on and what they measure.
 *
 * @param <M> the annotated model class; its input takes 784 pixels
 */
abstract class AutoencoderExample<M> extends ModelExample<M> {

  AutoencoderExample(String name, String description, Supplier<Module> module, Class<M> modelClass) {
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

  /** The training set: by default the images as column {@code pixels}, the model's input and target. */
  Dataset trainingSet(Dataset train, RunSettings settings) {
    return FashionPixels.column(train, "pixels");
  }

  /** Puts the test figures (and writes the PNGs) of the trained model into {@code report}. */
  abstract void measure(Predictor<M> predictor, TrainTest data, RunSettings settings, Map<String, Object> report)
      throws IOException;

  @Override
  public Map<String, Object> train(RunSettings settings) throws IOException {
    TrainTest data = FashionMnist.load(settings.data());
    try (ModelRun<M> run = start(settings.seed())) {
      History history = run.fit(trainingSet(data.train(), settings), null, settings);
      run.save(settings, settings.epochs());
      Map<String, Object> report = Reports.training(name(), settings, data, history);
      history.last().train().forEach((key, value) -> report.put("train_" + key, value));
      testLosses(run, data, settings, report);
      measure(run.predictor(), data, settings, report);
      report.put("model", settings.checkpoint().toString());
      return report;
    }
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    TrainTest data = FashionMnist.load(settings.data());
    try (ModelRun<M> run = start(settings.seed())) {
      run.restore(settings, name());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("example", name());
      report.put("test_examples", data.test().size());
      testLosses(run, data, settings, report);
      measure(run.predictor(), data, settings, report);
      return report;
    }
  }

  /** The loss and every reported term (a VAE's KL, a sparsity penalty) on the test set, as {@code test_*}. */
  private void testLosses(ModelRun<M> run, TrainTest data, RunSettings settings, Map<String, Object> report) {
    run.evaluator().evaluate(trainingSet(data.test(), settings)).forEach((key, value) -> report.put("test_" + key, value));
  }

  @Override
  public List<String> predict(RunSettings settings, int count) throws IOException {
    float[][] images = FashionPixels.rows(FashionMnist.load(settings.data()).test(), count);
    try (ModelRun<M> run = start(settings.seed())) {
      run.restore(settings, name());
      float[][] codes = run.predictor().encode(images);
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < codes.length; i++) {
        lines.add(String.format("#%d code %s", i, Arrays.toString(round(codes[i]))));
      }
      return lines;
    }
  }

  private static float[] round(float[] values) {
    float[] rounded = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      rounded[i] = Math.round(values[i] * 100) / 100f;
    }
    return rounded;
  }

  /** The first {@code count} images of each set, one set after the other: one grid row per set. */
  static float[][] gridRows(int count, float[][]... sets) {
    float[][] grid = new float[count * sets.length][];
    for (int i = 0; i < count; i++) {
      for (int s = 0; s < sets.length; s++) {
        grid[s * count + i] = sets[s][i];
      }
    }
    return grid;
  }
}
