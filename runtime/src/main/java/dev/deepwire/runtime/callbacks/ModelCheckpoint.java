package dev.deepwire.runtime.callbacks;

import dev.deepwire.runtime.Checkpoints;
import dev.deepwire.runtime.EpochResult;
import dev.deepwire.runtime.TrainingCallback;
import dev.deepwire.runtime.TrainingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Saves the weights after every epoch, or only when a watched figure improves. Writes are atomic
 * ({@link Checkpoints}).
 */
public final class ModelCheckpoint implements TrainingCallback {

  private final Path file;
  private final Monitor monitor;
  private double best;

  private ModelCheckpoint(Path file, Monitor monitor) {
    this.file = file;
    this.monitor = monitor;
  }

  /** Saves to {@code file} after every epoch. */
  public static ModelCheckpoint everyEpoch(Path file) {
    return new ModelCheckpoint(file, null);
  }

  /** Saves to {@code file} when {@code figure} (e.g. {@code val_accuracy}) is the best so far. */
  public static ModelCheckpoint bestOnly(Path file, String figure) {
    return new ModelCheckpoint(file, Monitor.of(figure));
  }

  @Override
  public void onTrainBegin(TrainingContext context) {
    best = monitor == null ? 0 : monitor.worst();
  }

  @Override
  public void onEpochEnd(TrainingContext context, EpochResult result) {
    if (monitor != null) {
      double value = monitor.read(result);
      if (!monitor.improves(value, best, 0)) {
        return;
      }
      best = value;
    }
    try {
      Checkpoints.save(context.model(), file, result.epoch());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save checkpoint " + file + ": " + e.getMessage(), e);
    }
  }
}
