package dev.deepwire.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
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
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
