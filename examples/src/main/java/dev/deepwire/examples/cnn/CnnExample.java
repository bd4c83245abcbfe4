package dev.deepwire.examples.cnn;

import dev.deepwire.examples.Example;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.LearningRateSchedule;
import dev.deepwire.runtime.data.Dataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code cnn}: the convolutional network {@link FashionCnn} on Fashion-MNIST. */
public final class CnnExample implements Example {

  @Override
  public String name() {
    return "cnn";
  }

  @Override
  public String description() {
    return "CNN (conv 32, max-pool, conv 64, max-pool, dense 128, dropout, softmax) on Fashion-MNIST";
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
    try (ModelRun<FashionCnn> run = ModelRun.start(new FashionCnnModule(), FashionCnn.class, settings.seed())) {
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
      return report;
    }
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    TrainTest data = FashionMnist.load(settings.data());
    try (ModelRun<FashionCnn> run = ModelRun.start(new FashionCnnModule(), FashionCnn.class, settings.seed())) {
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
    try (ModelRun<FashionCnn> run = ModelRun.start(new FashionCnnModule(), FashionCnn.class, settings.seed())) {
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
