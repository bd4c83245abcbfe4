package dev.deepwire.benchmarks.cnn;

import static dev.deepwire.benchmarks.Harness.option;

import dev.deepwire.benchmarks.suite.CaseResult;
import dev.deepwire.benchmarks.suite.Flops;
import dev.deepwire.benchmarks.suite.MachinePeak;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.runtime.data.Dataset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a CNN training step's time goes: TF's trace of the hand-written CNN (the generated one runs the same
 * ops but for its fused bias + ReLU) per graph node and kernel, and what the step reaches of peak FP32. One JSON
 * line: the step's traced microseconds, with the twelve busiest nodes' shares in per cent as extras.
 *
 * <p>Usage: {@code java -cp ... dev.deepwire.benchmarks.cnn.CnnProfile [--steps N] [--batch B]}
 */
public final class CnnProfile {

  private CnnProfile() {}

  public static void main(String[] args) throws Exception {
    int steps = Integer.parseInt(option(args, "--steps", "30"));
    int batch = Integer.parseInt(option(args, "--batch", "64"));
    Dataset train = FashionMnist.load(DataSource.bundled()).train().slice(0, 4096);
    try (HandWrittenFashionCnn cnn = new HandWrittenFashionCnn(42, Runtime.getRuntime().availableProcessors())) {
      cnn.epoch(train.slice(0, 640), batch, 0); // warm-up: kernels chosen
      Map<String, Double> micros = cnn.profile(train, batch, steps);
      double step = micros.remove("step");
      double busy = micros.values().stream().mapToDouble(Double::doubleValue).sum();
      CaseResult result = CaseResult.single("hand-written", "cnn", "traced_step", "us", step)
          .with("ops_busy_us", busy)
          .with("step_flop_share_of_peak_percent",
              batch * Flops.trainingPerExample("cnn") / (step * 1e-6) / MachinePeak.ofThisMachine().flopsPerSecond() * 100);
      Map<String, Double> shares = new LinkedHashMap<>();
      micros.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).limit(12)
          .forEach(e -> shares.put(e.getKey(), Math.round(e.getValue() / step * 1000) / 10.0));
      for (var e : shares.entrySet()) {
        result = result.with("share_" + e.getKey(), e.getValue());
      }
      result.print();
    }
  }
}
