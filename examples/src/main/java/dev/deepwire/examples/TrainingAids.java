package dev.deepwire.examples;

import java.nio.file.Path;

/**
 * The command line's optional training aids.
 *
 * @param learningRateSchedule {@code constant}, {@code cosine}, {@code step}, {@code exponential},
 *     {@code warmup-cosine}, or null for the example's own choice
 * @param earlyStoppingPatience epochs without validation improvement before stopping; 0 = off
 * @param resume back up during training and resume from the last backup
 * @param tensorboard the TensorBoard run directory, or null
 * @param exportBase where a SavedModel version is exported after every epoch ({@code <base>/<epoch>/}), or null
 */
public record TrainingAids(String learningRateSchedule, int earlyStoppingPatience, boolean resume, Path tensorboard,
    Path exportBase) {

  /** Aids without per-epoch exports. */
  public TrainingAids(String learningRateSchedule, int earlyStoppingPatience, boolean resume, Path tensorboard) {
    this(learningRateSchedule, earlyStoppingPatience, resume, tensorboard, null);
  }

  /** No aids: the example's schedule, no early stopping, no backups, no TensorBoard. */
  public static final TrainingAids NONE = new TrainingAids(null, 0, false, null);
}
