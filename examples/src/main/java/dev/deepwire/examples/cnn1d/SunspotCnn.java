package dev.deepwire.examples.cnn1d;

import static dev.deepwire.annotations.ActivationFunction.RELU;

import dev.deepwire.annotations.Conv;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Flatten;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.MaxPool;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/**
 * A 1D convolutional forecaster: 24 years of sunspot numbers ([24, 1]) through two width-3 convolutions
 * ([22, 16], [20, 16]) and max pooling ([10, 16]) to a dense layer and next year's number.
 */
@Model(loss = Loss.MSE, optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 3e-3), metrics = Metric.RMSE)
public class SunspotCnn {
  @Input(shape = {24, 1}) Tensor history;
  @Conv(filters = 16, kernel = 3, activation = RELU) Tensor c1;
  @Conv(filters = 16, kernel = 3, activation = RELU) Tensor c2;
  @MaxPool(2) Tensor pooled;
  @Flatten Tensor flat;
  @Dense(units = 32, activation = RELU) Tensor hidden;
  @Output @Dense(units = 1) Tensor next;
}
