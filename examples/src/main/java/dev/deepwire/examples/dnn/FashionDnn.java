package dev.deepwire.examples.dnn;

import static dev.deepwire.annotations.ActivationFunction.LEAKY_RELU;
import static dev.deepwire.annotations.ActivationFunction.RELU;
import static dev.deepwire.annotations.ActivationFunction.SOFTMAX;

import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Dropout;
import dev.deepwire.annotations.Flatten;
import dev.deepwire.annotations.Initializer;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/**
 * A deep multi-layer perceptron for Fashion-MNIST: three hidden layers (ReLU, leaky ReLU, ReLU) with
 * dropout, and a softmax over the ten clothing classes.
 */
@Model(
    loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
    optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 1e-3),
    metrics = Metric.ACCURACY)
public class FashionDnn {
  @Input(shape = {28, 28}) Tensor image;
  @Flatten Tensor pixels;
  @Dense(units = 256, activation = RELU, kernelInitializer = Initializer.HE_UNIFORM) Tensor hidden1;
  @Dropout(0.2) Tensor dropped1;
  @Dense(units = 128, activation = LEAKY_RELU, alpha = 0.1) Tensor hidden2;
  @Dropout(0.2) Tensor dropped2;
  @Dense(units = 64, activation = RELU, kernelInitializer = Initializer.HE_UNIFORM) Tensor hidden3;
  @Output @Dense(units = 10, activation = SOFTMAX) Tensor label;
}
