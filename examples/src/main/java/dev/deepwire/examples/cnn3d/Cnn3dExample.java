package dev.deepwire.examples.cnn3d;

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

/** {@code cnn3d}: the 3D convolutional network {@link OddSliceCnn} on {@link OddSliceVolumes}. */
public final class Cnn3dExample implements Example {

  private static final int TRAIN_VOLUMES = 6000;
  private static final int TEST_VOLUMES = 1500;
  private static final long VOLUME_SEED = 2024;

  @Override
  public String name() {
    return "cnn3d";
  }

  @Override
  public String description() {
    return "3D CNN finding the odd slice in volumes of four Fashion-MNIST images (chance 25%)";
  }

  @Override
  public int defaultEpochs() {
    return 8;
  }

  @Override
  public int defaultBatchSize() {
    return 64;
  }

  @Override
  public Map<String, Object> train(RunSettings settings) throws IOException {
    TrainTest data = load(settings);
    try (ModelRun<OddSliceCnn> run = ModelRun.start(new OddSliceCnnModule(), OddSliceCnn.class, settings.seed())) {
      History history = run.fit(data.train(), null, settings, LearningRateSchedule.cosineDecay(0.1));
      run.save(settings, settings.epochs());
      Map<String, Double> test = run.evaluator().evaluate(data.test());
      Map<String, Object> report = Reports.training(name(), settings, data, history);
      report.put("train_accuracy", history.last().train().get("accuracy"));
      report.put("test_loss", test.get("loss"));
      report.put("test_accuracy", test.get("accuracy"));
      report.put("chance_accuracy", 1.0 / OddSliceVolumes.DEPTH);
      report.put("model", settings.checkpoint().toString());
      return report;
    }
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    TrainTest data = load(settings);
    try (ModelRun<OddSliceCnn> run = ModelRun.start(new OddSliceCnnModule(), OddSliceCnn.class, settings.seed())) {
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
    TrainTest data = load(settings);
    try (ModelRun<OddSliceCnn> run = ModelRun.start(new OddSliceCnnModule(), OddSliceCnn.class, settings.seed())) {
      run.restore(settings, name());
      List<String> lines = new ArrayList<>();
      int[] actual = data.test().ints(OddSliceVolumes.POSITION).values();
      for (int i = 0; i < Math.min(count, actual.length); i++) {
        int predicted = run.predictor().predictClass(data.test().floats(OddSliceVolumes.VOLUME).example(i));
        lines.add(String.format("#%d odd slice predicted at depth %d, actual %d %s", i, predicted, actual[i],
            predicted == actual[i] ? "ok" : "WRONG"));
      }
      return lines;
    }
  }

  private static TrainTest load(RunSettings settings) throws IOException {
    return OddSliceVolumes.load(settings.data(), TRAIN_VOLUMES, TEST_VOLUMES, VOLUME_SEED);
  }
}
