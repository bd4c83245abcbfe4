package dev.deepwire.runtime;

import dev.deepwire.runtime.data.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How {@link Trainer#fit} trains: epochs, batch size, shuffling, validation, checkpoints, progress.
 *
 * <pre>{@code
 * trainer.fit(train, FitOptions.builder().epochs(10).batchSize(64).validationSplit(0.1).build());
 * }</pre>
 */
public final class FitOptions {

  private final int epochs;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;
  private final double validationSplit;
  private final Dataset validationData;
  private final Path checkpointDir;
  private final boolean progressBar;
  private final LearningRateSchedule learningRate;
  private final List<EpochListener> listeners;
  private final List<TrainingCallback> callbacks;
  private final int backupEverySteps;

  private FitOptions(Builder b) {
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.shuffle = b.shuffle;
    this.seed = b.seed;
    this.validationSplit = b.validationSplit;
    this.validationData = b.validationData;
    this.checkpointDir = b.checkpointDir;
    this.progressBar = b.progressBar;
    this.learningRate = b.learningRate;
    this.listeners = List.copyOf(b.listeners);
    this.callbacks = List.copyOf(b.callbacks);
    this.backupEverySteps = b.backupEverySteps;
  }

  /** Defaults: 10 epochs, batch 32, shuffled with seed 42, no validation, progress bar on. */
  public static Builder builder() {
    return new Builder();
  }

  public int epochs() {
    return epochs;
  }

  public int batchSize() {
    return batchSize;
  }

  public boolean shuffle() {
    return shuffle;
  }

  public long seed() {
    return seed;
  }

  public double validationSplit() {
    return validationSplit;
  }

  public Optional<Dataset> validationData() {
    return Optional.ofNullable(validationData);
  }

  public Optional<Path> checkpointDir() {
    return Optional.ofNullable(checkpointDir);
  }

  public boolean progressBar() {
    return progressBar;
  }

  /** The learning-rate schedule, or empty for the model's constant rate. */
  public Optional<LearningRateSchedule> learningRate() {
    return Optional.ofNullable(learningRate);
  }

  public List<EpochListener> listeners() {
    return listeners;
  }

  /** Callbacks, in the order they were added. */
  public List<TrainingCallback> callbacks() {
    return callbacks;
  }

  /** Steps between mid-epoch backups in {@link #checkpointDir()}; 0 means only at epoch ends. */
  public int backupEverySteps() {
    return backupEverySteps;
  }

  /** Collects fit options; each setter checks its argument at once. */
  public static final class Builder {
    private int epochs = 10;
    private int batchSize = 32;
    private boolean shuffle = true;
    private long seed = 42;
    private double validationSplit;
    private Dataset validationData;
    private Path checkpointDir;
    private boolean progressBar = true;
    private LearningRateSchedule learningRate;
    private final List<EpochListener> listeners = new ArrayList<>();
    private final List<TrainingCallback> callbacks = new ArrayList<>();
    private int backupEverySteps;

    private Builder() {}

    public Builder epochs(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("epochs must be >= 1, got " + n);
      }
      this.epochs = n;
      return this;
    }

    public Builder batchSize(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("batchSize must be >= 1, got " + n);
      }
      this.batchSize = n;
      return this;
    }

    public Builder shuffle(boolean on) {
      this.shuffle = on;
      return this;
    }

    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Holds out this fraction of the training data (after a seeded shuffle) for validation. */
    public Builder validationSplit(double fraction) {
      if (!(fraction >= 0 && fraction < 1)) {
        throw new IllegalArgumentException("validationSplit must be in [0, 1), got " + fraction);
      }
      this.validationSplit = fraction;
      return this;
    }

    /** Validates on this data set after each epoch (instead of a split). */
    public Builder validationData(Dataset data) {
      this.validationData = data;
      return this;
    }

    /**
     * Backs training up there (weights, optimizer state, position, learning-rate scale) after every epoch
     * and every {@link #backupEverySteps} steps; a fit that finds a backup there resumes from it exactly
     * where it stopped, even mid-epoch, and ends with the weights an uninterrupted run would have.
     */
    public Builder checkpointDir(Path dir) {
      this.checkpointDir = dir;
      return this;
    }

    /**
     * Shows a progress bar with the running loss and metrics on standard error, when the process has a
     * terminal (never in pipes, logs or CI).
     */
    public Builder progressBar(boolean on) {
      this.progressBar = on;
      return this;
    }

    /** Sets the learning rate per step; the model's {@code @Optimizer(learningRate)} is the base rate. */
    public Builder learningRate(LearningRateSchedule schedule) {
      this.learningRate = schedule;
      return this;
    }

    /** Also backs up every {@code steps} steps (with {@link #checkpointDir}); 0 = epoch ends only. */
    public Builder backupEverySteps(int steps) {
      if (steps < 0) {
        throw new IllegalArgumentException("backupEverySteps must be >= 0, got " + steps);
      }
      this.backupEverySteps = steps;
      return this;
    }

    /** Adds a callback: early stopping, checkpoints, logging, TensorBoard, ... */
    public Builder callback(TrainingCallback callback) {
      this.callbacks.add(callback);
      return this;
    }

    /** Calls {@code listener} after each epoch. */
    public Builder listener(EpochListener listener) {
      this.listeners.add(listener);
      return this;
    }

    public FitOptions build() {
      if (validationData != null && validationSplit > 0) {
        throw new IllegalArgumentException("set validationData or validationSplit, not both");
      }
      return new FitOptions(this);
    }
  }
}
