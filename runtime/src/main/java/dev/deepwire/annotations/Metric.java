package dev.deepwire.annotations;

/** Metrics reported per epoch next to the loss, on training, validation and test data. */
public enum Metric {
  /** Fraction of examples whose arg-max class is the target class (threshold 0.5 for one sigmoid unit). */
  ACCURACY,
  /** Mean absolute error. */
  MAE,
  /** Mean squared error. */
  MSE,
  /** Root of the mean squared error over the whole data set. */
  RMSE
}
