package dev.deepwire.examples.siamese;

import com.google.inject.Module;
import dev.deepwire.examples.ModelExample;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.LearningRateSchedule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A Siamese example: model {@code M} (inputs {@code left} and {@code right}, output {@code distance}, contrastive
 * loss) trained on the pairs of {@link PairData}, reported as verification: ROC AUC on test pairs and accuracy
 * at the threshold chosen on validation pairs. The four Siamese examples differ in their model and pairs.
 *
 * @param <M> the annotated model class
 */
public abstract class SiameseExample<M> extends ModelExample<M> {

  /** Loads the pairs of an example. */
  @FunctionalInterface
  protected interface PairLoader {
    PairData load(RunSettings settings) throws IOException;
  }

  private final PairLoader pairs;
  private final int epochs;

  protected SiameseExample(String name, String description, Supplier<Module> module, Class<M> modelClass,
      PairLoader pairs, int epochs) {
    super(name, description, module, modelClass);
    this.pairs = pairs;
    this.epochs = epochs;
  }

  @Override
  public int defaultEpochs() {
    return epochs;
  }

  @Override
  public int defaultBatchSize() {
    return 64;
  }

  @Override
  public Map<String, Object> train(RunSettings settings) throws IOException {
    PairData data = pairs.load(settings);
    try (ModelRun<M> run = start(settings.seed())) {
      History history = run.fit(data.train(), null, settings, LearningRateSchedule.cosineDecay(0.1));
      run.save(settings, settings.epochs());
      Map<String, Object> report = Reports.training(name(), settings, data.trainTest(), history);
      report.put("seconds_per_epoch", history.trainSeconds() / history.epochs().size());
      report.put("train_loss", history.last().train().get("loss"));
      report.putAll(PairVerification.report(run.predictor(), data));
      report.put("model", settings.checkpoint().toString());
      return report;
    }
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    PairData data = pairs.load(settings);
    try (ModelRun<M> run = start(settings.seed())) {
      run.restore(settings, name());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("example", name());
      report.putAll(PairVerification.report(run.predictor(), data));
      return report;
    }
  }

  @Override
  public List<String> predict(RunSettings settings, int count) throws IOException {
    PairData data = pairs.load(settings);
    try (ModelRun<M> run = start(settings.seed())) {
      run.restore(settings, name());
      double threshold = PairVerification.threshold(run.predictor(), data);
      var test = data.test().slice(0, Math.min(count, data.test().size()));
      float[] distances = PairVerification.distances(run.predictor(), test);
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < distances.length; i++) {
        boolean same = distances[i] <= threshold;
        boolean actual = test.floats(PairData.SAME).values()[i] == 1;
        lines.add(String.format("#%d distance %.3f -> %s (actual %s) %s", i, distances[i],
            same ? "same" : "different", actual ? "same" : "different", same == actual ? "ok" : "WRONG"));
      }
      return lines;
    }
  }
}
