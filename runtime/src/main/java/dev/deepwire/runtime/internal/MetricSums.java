package dev.deepwire.runtime.internal;

import dev.deepwire.annotations.Metric;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Example-weighted sums of per-batch values, turned into means over everything added. */
public final class MetricSums {

  private final String[] names;
  private final double[] sums;
  private long seen;

  public MetricSums(String[] names) {
    this.names = names.clone();
    this.sums = new double[names.length];
  }

  /** Restores sums saved by {@link #encode()}. */
  public static MetricSums decode(String[] names, String encoded) {
    MetricSums restored = new MetricSums(names);
    if (!encoded.isEmpty()) {
      String[] parts = encoded.split(",");
      restored.seen = Long.parseLong(parts[0]);
      for (int i = 0; i < names.length; i++) {
        restored.sums[i] = Double.parseDouble(parts[i + 1]);
      }
    }
    return restored;
  }

  /** Adds a batch of {@code count} examples whose means were {@code values}. */
  public void add(float[] values, int count) {
    for (int i = 0; i < values.length; i++) {
      sums[i] += values[i] * (double) count;
    }
    seen += count;
  }

  /** The means, RMSE rooted, by name. */
  public Map<String, Double> means() {
    Map<String, Double> means = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      double mean = seen == 0 ? Double.NaN : sums[i] / seen;
      means.put(names[i], names[i].endsWith(Metric.RMSE.name().toLowerCase()) ? Math.sqrt(mean) : mean);
    }
    return means;
  }

  /** The values of one batch by name, RMSE rooted. */
  public Map<String, Double> named(float[] values) {
    Map<String, Double> named = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      named.put(names[i], names[i].endsWith(Metric.RMSE.name().toLowerCase())
          ? Math.sqrt(values[i]) : (double) values[i]);
    }
    return named;
  }

  /** The exact state as text, for backups: {@code seen,sum1,sum2,...} (doubles round-trip exactly). */
  public String encode() {
    StringBuilder text = new StringBuilder().append(seen);
    Arrays.stream(sums).forEach(s -> text.append(',').append(s));
    return text.toString();
  }
}
