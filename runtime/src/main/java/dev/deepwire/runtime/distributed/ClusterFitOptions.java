package dev.deepwire.runtime.distributed;

import dev.deepwire.runtime.EpochListener;
import dev.deepwire.runtime.LearningRateSchedule;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a cluster trains.
 *
 * @param epochs passes over the training data, all shards together
 * @param batchSize the global batch: each of N workers takes {@code ceil(batchSize / N)} examples of its shard
 *     per step, and every update averages the N gradients, so N workers make the updates one process with
 *     this batch size would
 * @param seed seeds each worker's shuffles and dropout masks (with its task index)
 * @param learningRate a schedule over the global step, applied by the chief; empty: the model's rate
 * @param checkpointDir where the chief keeps {@code last.dwckpt} and restores from after a restart of the
 *     whole cluster; empty: no checkpoints
 * @param checkpointEverySteps global steps between checkpoints (and one at the end)
 * @param listeners told of each epoch of this worker's shard
 */
public record ClusterFitOptions(int epochs, int batchSize, long seed, Optional<LearningRateSchedule> learningRate,
    Optional<Path> checkpointDir, int checkpointEverySteps, List<EpochListener> listeners) {

  public ClusterFitOptions {
    if (epochs < 1 || batchSize < 1 || checkpointEverySteps < 1) {
      throw new IllegalArgumentException("epochs, batch size and checkpoint interval must be >= 1, got "
          + epochs + ", " + batchSize + ", " + checkpointEverySteps);
    }
    listeners = List.copyOf(listeners);
  }

  /** {@code epochs} of {@code batchSize}, the model's learning rate, no checkpoints. */
  public static ClusterFitOptions of(int epochs, int batchSize, long seed) {
    return new ClusterFitOptions(epochs, batchSize, seed, Optional.empty(), Optional.empty(), 200, List.of());
  }

  public ClusterFitOptions withLearningRate(LearningRateSchedule schedule) {
    return new ClusterFitOptions(epochs, batchSize, seed, Optional.of(schedule), checkpointDir, checkpointEverySteps,
        listeners);
  }

  public ClusterFitOptions withCheckpoints(Path dir, int everySteps) {
    return new ClusterFitOptions(epochs, batchSize, seed, learningRate, Optional.of(dir), everySteps, listeners);
  }

  public ClusterFitOptions withListener(EpochListener listener) {
    List<EpochListener> more = new java.util.ArrayList<>(listeners);
    more.add(listener);
    return new ClusterFitOptions(epochs, batchSize, seed, learningRate, checkpointDir, checkpointEverySteps, more);
  }
}
