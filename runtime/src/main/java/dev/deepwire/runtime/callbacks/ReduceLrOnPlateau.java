package dev.deepwire.runtime.callbacks;

import dev.deepwire.runtime.EpochResult;
import dev.deepwire.runtime.TrainingCallback;
import dev.deepwire.runtime.TrainingContext;

/**
 * Multiplies the learning rate by {@code factor} when a figure has not improved for {@code patience}
 * epochs, down to a floor. The scale is part of training backups, so a resumed run keeps it.
 */
public final class ReduceLrOnPlateau implements TrainingCallback {

  private final Monitor monitor;
  private double factor = 0.5;
  private int patience = 2;
  private double minScale = 1e-3;
  private double best;
  private int waited;

  private ReduceLrOnPlateau(Monitor monitor) {
    this.monitor = monitor;
  }

  /** Watches {@code figure}, e.g. {@code val_loss}. */
  public static ReduceLrOnPlateau on(String figure) {
    return new ReduceLrOnPlateau(Monitor.of(figure));
  }

  /** The multiplier applied on a plateau, in (0, 1) (default 0.5). */
  public ReduceLrOnPlateau factor(double f) {
    if (!(f > 0 && f < 1)) {
      throw new IllegalArgumentException("factor must be in (0, 1), got " + f);
    }
    this.factor = f;
    return this;
  }

  /** Epochs without improvement before reducing (default 2). */
  public ReduceLrOnPlateau patience(int epochs) {
    this.patience = epochs;
    return this;
  }

  /** The smallest scale of the base rate it will reduce to (default 0.001). */
  public ReduceLrOnPlateau minScale(double scale) {
    this.minScale = scale;
    return this;
  }

  @Override
  public void onTrainBegin(TrainingContext context) {
    best = monitor.worst();
    waited = 0;
  }

  @Override
  public void onEpochEnd(TrainingContext context, EpochResult result) {
    double value = monitor.read(result);
    if (monitor.improves(value, best, 0)) {
      best = value;
      waited = 0;
    } else if (++waited >= patience) {
      double next = Math.max(context.learningRateScale() * factor, minScale);
      context.scaleLearningRate(next / context.learningRateScale());
      waited = 0;
    }
  }
}
