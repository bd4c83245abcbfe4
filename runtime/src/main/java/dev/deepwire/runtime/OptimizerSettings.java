package dev.deepwire.runtime;

import dev.deepwire.annotations.OptimizerType;

/**
 * An optimizer and its hyper-parameters, as declared by {@code @Optimizer}; the defaults are the
 * annotation's. Generated code writes {@code OptimizerSettings.of(ADAMW, 1e-3).weightDecay(0.05)} when a
 * model sets more than the type and the rate.
 */
public record OptimizerSettings(OptimizerType type, double learningRate, double momentum, boolean nesterov,
    double beta1, double beta2, double epsilon, double rho, double weightDecay, double clipNorm,
    double clipValue) {

  /** {@code type} at {@code learningRate} with every other setting at its default. */
  public static OptimizerSettings of(OptimizerType type, double learningRate) {
    return new OptimizerSettings(type, learningRate, 0.9, false, 0.9, 0.999, 1e-7, 0.9, 0.01, 0, 0);
  }

  public OptimizerSettings momentum(double value) {
    return new OptimizerSettings(type, learningRate, value, nesterov, beta1, beta2, epsilon, rho, weightDecay,
        clipNorm, clipValue);
  }

  public OptimizerSettings nesterov(boolean value) {
    return new OptimizerSettings(type, learningRate, momentum, value, beta1, beta2, epsilon, rho, weightDecay,
        clipNorm, clipValue);
  }

  public OptimizerSettings beta1(double value) {
    return new OptimizerSettings(type, learningRate, momentum, nesterov, value, beta2, epsilon, rho, weightDecay,
        clipNorm, clipValue);
  }

  public OptimizerSettings beta2(double value) {
    return new OptimizerSettings(type, learningRate, momentum, nesterov, beta1, value, epsilon, rho, weightDecay,
        clipNorm, clipValue);
  }

  public OptimizerSettings epsilon(double value) {
    return new OptimizerSettings(type, learningRate, momentum, nesterov, beta1, beta2, value, rho, weightDecay,
        clipNorm, clipValue);
  }

  public OptimizerSettings rho(double value) {
    return new OptimizerSettings(type, learningRate, momentum, nesterov, beta1, beta2, epsilon, value, weightDecay,
        clipNorm, clipValue);
  }

  public OptimizerSettings weightDecay(double value) {
    return new OptimizerSettings(type, learningRate, momentum, nesterov, beta1, beta2, epsilon, rho, value,
        clipNorm, clipValue);
  }

  public OptimizerSettings clipNorm(double value) {
    return new OptimizerSettings(type, learningRate, momentum, nesterov, beta1, beta2, epsilon, rho, weightDecay,
        value, clipValue);
  }

  public OptimizerSettings clipValue(double value) {
    return new OptimizerSettings(type, learningRate, momentum, nesterov, beta1, beta2, epsilon, rho, weightDecay,
        clipNorm, value);
  }
}
