package dev.deepwire.runtime.callbacks;

import dev.deepwire.runtime.EpochResult;

/**
 * Which epoch figure a callback watches and which way is better: {@code val_loss} reads the validation
 * loss, {@code loss} the training loss; names containing {@code acc} improve upwards, the rest downwards.
 */
record Monitor(String name, boolean higherIsBetter) {

  static Monitor of(String name) {
    return new Monitor(name, name.contains("acc"));
  }

  /** The watched value of {@code result}, with a clear error when the epoch does not report it. */
  double read(EpochResult result) {
    boolean validation = name.startsWith("val_");
    String key = validation ? name.substring(4) : name;
    Double value = validation ? result.validation().get(key) : result.train().get(key);
    if (value == null) {
      throw new IllegalStateException("cannot monitor '" + name + "': epoch " + result.epoch() + " reports "
          + result.train().keySet() + (result.validation().isEmpty() ? " and no validation (set validationData or "
          + "validationSplit to monitor val_ figures)" : " and val_" + result.validation().keySet()));
    }
    return value;
  }

  /** Whether {@code value} beats {@code best} by more than {@code minDelta}. */
  boolean improves(double value, double best, double minDelta) {
    return higherIsBetter ? value > best + minDelta : value < best - minDelta;
  }

  double worst() {
    return higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }
}
