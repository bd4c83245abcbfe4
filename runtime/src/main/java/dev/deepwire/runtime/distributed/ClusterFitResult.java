package dev.deepwire.runtime.distributed;

import dev.deepwire.runtime.EpochResult;
import java.util.List;

/**
 * What one worker's part of a cluster run did.
 *
 * @param task the worker
 * @param epochs this worker's epochs over its shard (loss and metrics of its own batches)
 * @param globalSteps the updates the job made (the chief's aggregations), as this worker last saw them
 * @param steps the batches this worker computed gradients for, stale ones included
 * @param examples the examples in those batches
 * @param seconds this worker's wall time in training steps
 * @param globalBatch examples per update, all workers together
 */
public record ClusterFitResult(TaskId task, List<EpochResult> epochs, long globalSteps, long steps, long examples,
    double seconds, int globalBatch) {

  public ClusterFitResult {
    epochs = List.copyOf(epochs);
  }

  /** Examples this worker processed per second. */
  public double workerExamplesPerSecond() {
    return examples / seconds;
  }

  /** Examples per second of the job: updates times the global batch over this worker's wall time. */
  public double jobExamplesPerSecond() {
    return globalSteps * (double) globalBatch / seconds;
  }
}
