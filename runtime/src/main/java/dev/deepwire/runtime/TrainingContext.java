package dev.deepwire.runtime;

/** What a {@link TrainingCallback} can see and change while a model trains. */
public interface TrainingContext {

  /** The model being trained (its session holds the current weights). */
  CompiledModel<?> model();

  /** The options of this fit. */
  FitOptions options();

  /** Ends training after the current epoch. */
  void stopTraining();

  /** Whether a callback asked to stop. */
  boolean stopRequested();

  /**
   * Multiplies every later step's learning rate by {@code factor} (on top of the schedule), e.g. a
   * reduce-on-plateau callback's 0.5. The product is kept in backups, so a resumed run keeps it.
   */
  void scaleLearningRate(double factor);

  /** The current learning-rate multiplier, 1 unless a callback scaled it. */
  double learningRateScale();
}
