package dev.deepwire.runtime.callbacks;

import dev.deepwire.runtime.Checkpoints;
import dev.deepwire.runtime.EpochResult;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.TrainingCallback;
import dev.deepwire.runtime.TrainingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Stops training when a figure has not improved for {@code patience} epochs, optionally putting back the
 * weights of the best epoch.
 *
 * <pre>{@code
 * FitOptions.builder().callback(EarlyStopping.on("val_loss").patience(3).restoreBestWeights()).build();
 * }</pre>
 */
public final class EarlyStopping implements TrainingCallback {

  private final Monitor monitor;
  private int patience = 3;
  private double minDelta;
  private boolean restoreBest;

  private double best;
  private int bestEpoch;
  private int waited;
  private Checkpoints.Snapshot bestWeights;
  private int stoppedEpoch;

  private EarlyStopping(Monitor monitor) {
    this.monitor = monitor;
  }

  /** Watches {@code figure}, e.g. {@code val_loss} or {@code val_accuracy}. */
  public static EarlyStopping on(String figure) {
    return new EarlyStopping(Monitor.of(figure));
  }

  /** Epochs without improvement tolerated before stopping (default 3). */
  public EarlyStopping patience(int epochs) {
    if (epochs < 0) {
      throw new IllegalArgumentException("patience must be >= 0, got " + epochs);
    }
    this.patience = epochs;
    return this;
  }

  /** The smallest change that counts as an improvement (default 0). */
  public EarlyStopping minDelta(double delta) {
    this.minDelta = Math.abs(delta);
    return this;
  }

  /** Puts the best epoch's weights back when training ends. */
  public EarlyStopping restoreBestWeights() {
    this.restoreBest = true;
    return this;
  }

  @Override
  public void onTrainBegin(TrainingContext context) {
    best = monitor.worst();
    bestEpoch = 0;
    waited = 0;
    bestWeights = null;
    stoppedEpoch = 0;
  }

  @Override
  public void onEpochEnd(TrainingContext context, EpochResult result) {
    double value = monitor.read(result);
    if (monitor.improves(value, best, minDelta)) {
      best = value;
      bestEpoch = result.epoch();
      waited = 0;
      if (restoreBest) {
        bestWeights = Checkpoints.capture(context.model(), Map.of());
      }
    } else if (++waited > patience) {
      stoppedEpoch = result.epoch();
      context.stopTraining();
    }
  }

  @Override
  public void onTrainEnd(TrainingContext context, History history) {
    if (restoreBest && bestWeights != null) {
      try {
        Checkpoints.apply(context.model(), bestWeights, "best weights of epoch " + bestEpoch);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The epoch with the best figure so far, 0 before any. */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** The epoch after which training was stopped, 0 if it ran to the end. */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }
}
