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

  /** The base rate times {@code factor} after every {@code epochs} epochs (step decay). */
  static LearningRateSchedule stepDecay(int epochs, double factor) {
    if (epochs < 1 || !(factor > 0)) {
      throw new IllegalArgumentException("need epochs >= 1 and factor > 0, got " + epochs + ", " + factor);
    }
    return p -> p.baseRate() * Math.pow(factor, (p.epoch() - 1) / epochs);
  }

  /** The base rate times {@code rate^(step / decaySteps)}, a smooth exponential decay. */
  static LearningRateSchedule exponential(double rate, long decaySteps) {
    if (!(rate > 0) || decaySteps < 1) {
      throw new IllegalArgumentException("need rate > 0 and decaySteps >= 1, got " + rate + ", " + decaySteps);
    }
    return p -> p.baseRate() * Math.pow(rate, p.step() / (double) decaySteps);
  }

  /**
   * A linear warm-up from 0 to the base rate over {@code warmupSteps}, then {@link #cosineDecay} over the
   * remaining steps.
   */
  static LearningRateSchedule warmupCosine(long warmupSteps, double finalFraction) {
    LearningRateSchedule cosine = cosineDecay(finalFraction);
    return p -> {
      if (p.step() < warmupSteps) {
        return p.baseRate() * (p.step() + 1) / warmupSteps;
      }
      return cosine.rate(new Progress(p.step() - warmupSteps, Math.max(1, p.totalSteps() - warmupSteps),
          p.epoch(), p.epochs(), p.baseRate()));
    };
  }
}
