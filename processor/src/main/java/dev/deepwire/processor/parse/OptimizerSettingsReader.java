package dev.deepwire.processor.parse;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the {@code @Optimizer} hyper-parameters that differ from their defaults, in a fixed order. */
final class OptimizerSettingsReader {

  /** Each numeric setting with the annotation's default; generated code mentions only the others. */
  static final Map<String, Double> NUMERIC_DEFAULTS = defaults();

  private OptimizerSettingsReader() {}

  private static Map<String, Double> defaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("momentum", 0.9);
    d.put("beta1", 0.9);
    d.put("beta2", 0.999);
    d.put("epsilon", 1e-7);
    d.put("rho", 0.9);
    d.put("weightDecay", 0.01);
    d.put("clipNorm", 0.0);
    d.put("clipValue", 0.0);
    return d;
  }

  static Map<String, Object> nonDefaults(AnnotationReader optimizer) {
    Map<String, Object> settings = new LinkedHashMap<>();
    NUMERIC_DEFAULTS.forEach((name, fallback) -> {
      double value = optimizer.doubleValue(name);
      if (value != fallback) {
        settings.put(name, value);
      }
    });
    if (optimizer.boolValue("nesterov")) {
      settings.put("nesterov", true);
    }
    return settings;
  }
}
