package dev.deepwire.benchmarks.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One measured case, printed as one JSON line: who ran ({@code framework}), on what ({@code model}), which
 * figure ({@code metric}, in {@code unit}), its median over repeated runs and their spread.
 *
 * @param extra further named figures (FLOP/s shares, ratios' parts, settings), printed as they are
 */
public record CaseResult(String framework, String model, String metric, String unit, double median, double min,
    double max, int runs, Map<String, Object> extra) {

  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  public CaseResult {
    extra = Map.copyOf(extra);
  }

  /** The median and spread of {@code samples}. */
  public static CaseResult of(String framework, String model, String metric, String unit, List<Double> samples) {
    return new CaseResult(framework, model, metric, unit, Samples.median(samples), Samples.min(samples),
        Samples.max(samples), samples.size(), Map.of());
  }

  /** A figure measured once (a peak RSS, a count). */
  public static CaseResult single(String framework, String model, String metric, String unit, double value) {
    return new CaseResult(framework, model, metric, unit, value, value, value, 1, Map.of());
  }

  /** This result with {@code name = value} added to {@link #extra}. */
  public CaseResult with(String name, Object value) {
    Map<String, Object> more = new TreeMap<>(extra);
    more.put(name, value);
    return new CaseResult(framework, model, metric, unit, median, min, max, runs, more);
  }

  /** The result as one line of JSON. */
  public String json() {
    Map<String, Object> fields = new TreeMap<>(extra);
    fields.put("framework", framework);
    fields.put("model", model);
    fields.put("metric", metric);
    fields.put("unit", unit);
    fields.put("median", round(median));
    fields.put("min", round(min));
    fields.put("max", round(max));
    fields.put("runs", runs);
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Prints the JSON line on standard output, where the suite collects it. */
  public void print() {
    System.out.println(json());
    System.out.flush();
  }

  /** Four significant digits are more than the machine's noise allows. */
  private static double round(double value) {
    if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    double scale = Math.pow(10, 3 - (int) Math.floor(Math.log10(Math.abs(value))));
    return Math.round(value * scale) / scale;
  }
}
