package dev.deepwire.runtime;

import java.util.Map;

/**
 * Told about the course of a {@link Trainer#fit} run; built-ins live in {@code dev.deepwire.runtime.callbacks}.
 * Every method has an empty default, so a callback overrides only what it needs.
 */
public interface TrainingCallback {

  /** Before the first step (after a resume, before the first step still to run). */
  default void onTrainBegin(TrainingContext context) {}

  /** Before the first step of {@code epoch} (1-based). */
  default void onEpochBegin(TrainingContext context, int epoch) {}

  /** Before each training step; {@code step} is the global step, 0-based. */
  default void onBatchBegin(TrainingContext context, long step) {}

  /**
   * After each training step.
   *
   * @param step the global step, 0-based, counted over the whole run
   * @param logs this batch's loss and metrics, and {@code lr}, the rate the step used
   */
  default void onBatchEnd(TrainingContext context, long step, Map<String, Double> logs) {}

  /** After each epoch, with its training and validation figures. */
  default void onEpochEnd(TrainingContext context, EpochResult result) {}

  /** After the last epoch, or after a callback stopped training. */
  default void onTrainEnd(TrainingContext context, History history) {}
}
