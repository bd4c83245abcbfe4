package dev.deepwire.benchmarks.serving;

import java.util.Arrays;
import java.util.Locale;

/** The outcome of one load level: requests answered, errors, wall time and latency percentiles. */
record LoadResult(String mode, int clients, int requests, int errors, double seconds, long[] latenciesNanos) {

  double throughput() {
    return requests / seconds;
  }

  /** The {@code p}-th percentile latency in milliseconds. */
  double percentileMillis(double p) {
    long[] sorted = latenciesNanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  String line() {
    return String.format(Locale.ROOT, "%-12s %7d %9d %6d %8.2f %10.0f %8.2f %8.2f", mode, clients, requests, errors,
        seconds, throughput(), percentileMillis(50), percentileMillis(99));
  }

  static String header() {
    return String.format(Locale.ROOT, "%-12s %7s %9s %6s %8s %10s %8s %8s", "mode", "clients", "requests", "errors",
        "seconds", "req/s", "p50 ms", "p99 ms");
  }
}
