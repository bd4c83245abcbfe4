package dev.deepwire.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The epochs of a {@link Trainer#fit} run, in order. */
public final class History {

  private final List<EpochResult> epochs = new ArrayList<>();

  void add(EpochResult result) {
    epochs.add(result);
  }

  /** Every epoch, oldest first. */
  public List<EpochResult> epochs() {
    return Collections.unmodifiableList(epochs);
  }

  /** The last epoch. */
  public EpochResult last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("no epoch has run");
    }
    return epochs.get(epochs.size() - 1);
  }

  /** A training metric per epoch, e.g. {@code series("loss")}. */
  public double[] series(String metric) {
    return epochs.stream().mapToDouble(e -> e.train().getOrDefault(metric, Double.NaN)).toArray();
  }

  /** A validation metric per epoch. */
  public double[] validationSeries(String metric) {
    return epochs.stream().mapToDouble(e -> e.validation().getOrDefault(metric, Double.NaN)).toArray();
  }

  /** Seconds spent in training batches, all epochs together. */
  public double trainSeconds() {
    return epochs.stream().mapToDouble(EpochResult::seconds).sum();
  }
}
