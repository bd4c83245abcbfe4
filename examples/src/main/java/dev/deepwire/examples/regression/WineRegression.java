package dev.deepwire.examples.regression;

import static dev.deepwire.annotations.ActivationFunction.RELU;
import static dev.deepwire.annotations.ActivationFunction.TANH;

import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/**
 * Regression with a linear output and MSE: a wine's flavanoid content from its twelve other
 * (standardised) chemical measurements. A small L2 penalty keeps the 142-wine training set from being
 * memorised.
 */
@Model(
    loss = Loss.MSE,
    optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 3e-3),
    metrics = {Metric.RMSE, Metric.MAE})
public class WineRegression {
  @Input(shape = 12) Tensor features;
  @Dense(units = 32, activation = RELU, kernelL2 = 1e-3) Tensor hidden1;
  @Dense(units = 16, activation = TANH, kernelL2 = 1e-3) Tensor hidden2;
  @Output @Dense(units = 1) Tensor target;
}
