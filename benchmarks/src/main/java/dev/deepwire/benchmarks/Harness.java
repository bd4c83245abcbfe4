package dev.deepwire.benchmarks;

import dev.deepwire.benchmarks.suite.CaseResult;
import dev.deepwire.benchmarks.suite.Samples;
import java.util.ArrayList;
import java.util.List;

/** Small helpers the side-by-side harnesses share: options, timing, medians. */
public final class Harness {

  private Harness() {}

  /** The value after {@code name} in {@code args}, or {@code fallback}. */
  public static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  /** Seconds {@code work} took. */
  public static double time(Runnable work) {
    long t0 = System.nanoTime();
    work.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  /** The median; robust to the odd round slowed down by the machine. */
  public static double median(List<Double> values) {
    return Samples.median(values);
  }

  /**
   * Prints the JSON line of a generated-versus-hand-written comparison: the median of the rounds' ratios
   * (each round ran both sides back to back, so a ratio compares like with like) and their spread.
   */
  public static void printRatio(String model, String metric, List<Double> generated, List<Double> handWritten) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < generated.size(); i++) {
      ratios.add(generated.get(i) / handWritten.get(i));
    }
    CaseResult.of("deepwire/hand-written", model, metric, "ratio", ratios)
        .with("generated_median_s", median(generated))
        .with("hand_written_median_s", median(handWritten))
        .print();
  }
}
