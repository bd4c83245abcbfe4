package dev.deepwire.examples;

import dev.deepwire.runtime.LearningRateSchedule;

/** Parses the command line's {@code --lr-schedule}. */
public final class Schedules {

  private Schedules() {}

  /** {@code constant}, {@code cosine}, {@code step}, {@code exponential} or {@code warmup-cosine}. */
  public static LearningRateSchedule parse(String name, int epochs) {
    return switch (name) {
      case "constant" -> LearningRateSchedule.constant();
      case "cosine" -> LearningRateSchedule.cosineDecay(0.1);
      case "step" -> LearningRateSchedule.stepDecay(Math.max(1, epochs / 3), 0.3);
      case "exponential" -> p -> p.baseRate() * Math.pow(0.1, p.step() / (double) Math.max(1, p.totalSteps()));
      case "warmup-cosine" -> p -> LearningRateSchedule.warmupCosine(Math.max(1, p.totalSteps() / 20), 0.1).rate(p);
      default -> throw new IllegalArgumentException("unknown --lr-schedule '" + name
          + "'; use constant, cosine, step, exponential or warmup-cosine");
    };
  }
}
