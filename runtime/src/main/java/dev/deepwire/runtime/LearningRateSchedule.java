package dev.deepwire.runtime;

/**
 * The learning rate for each training step. The model's {@code @Optimizer(learningRate)} is the base rate.
 *
 * <pre>{@code
 * FitOptions.builder().learningRate(LearningRateSchedule.cosineDecay(0.01)).build();
 * }</pre>
 */
@FunctionalInterface
public interface LearningRateSchedule {

  /** Where training stands when a step's rate is asked for. */
  record Progress(long step, long totalSteps, int epoch, int epochs, double baseRate) {}

  /** The rate for the step described by {@code progress}. */
  double rate(Progress progress);

  /** The base rate throughout. */
  static LearningRateSchedule constant() {
    return Progress::baseRate;
  }

  /**
   * Half a cosine from the base rate down to {@code finalFraction} of it at the last step
   * (Loshchilov and Hutter, 2017, without restarts).
   */
  static LearningRateSchedule cosineDecay(double finalFraction) {
    if (!(finalFraction >= 0 && finalFraction <= 1)) {
      throw new IllegalArgumentException("finalFraction must be in [0, 1], got " + finalFraction);
    }
    return p -> {
      double t = p.totalSteps() <= 1 ? 1 : p.step() / (double) (p.totalSteps() - 1);
      double cosine = 0.5 * (1 + Math.cos(Math.PI * t));
      return p.baseRate() * (finalFraction + (1 - finalFraction) * cosine);
    };
  }
}
