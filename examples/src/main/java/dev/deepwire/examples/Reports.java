package dev.deepwire.examples;

import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.History;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures every {@code train} report starts with (the CLI contract), in a stable order. */
public final class Reports {

  private Reports() {}

  /** {@code example, epochs, batch_size, train/test sizes, train_seconds, examples_per_second}. */
  public static Map<String, Object> training(String example, RunSettings settings, TrainTest data, History history) {
    return training(example, settings, data, history.trainSeconds(), history.epochs().size());
  }

  /** The same figures for a training loop that keeps no {@link History} (a GAN's). */
  public static Map<String, Object> training(String example, RunSettings settings, TrainTest data,
      double trainSeconds, int epochsRun) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("example", example);
    report.put("epochs", settings.epochs());
    report.put("batch_size", settings.batchSize());
    report.put("train_examples", data.train().size());
    report.put("test_examples", data.test().size());
    report.put("train_seconds", trainSeconds);
    report.put("examples_per_second", epochsRun == 0 ? 0.0 : data.train().size() * (double) epochsRun / trainSeconds);
    return report;
  }
}
