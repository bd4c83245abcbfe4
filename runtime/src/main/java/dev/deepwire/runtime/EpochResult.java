package dev.deepwire.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one epoch measured.
 *
 * @param epoch 1-based
 * @param train loss and metrics over the epoch's training batches (dropout active)
 * @param validation loss and metrics on the validation data, empty without validation
 * @param seconds wall time of the epoch's training batches
 */
public record EpochResult(int epoch, Map<String, Double> train, Map<String, Double> validation, double seconds) {
  public EpochResult {
    train = Collections.unmodifiableMap(new LinkedHashMap<>(train)); // keeps the report order: loss first
    validation = Collections.unmodifiableMap(new LinkedHashMap<>(validation));
  }
}
