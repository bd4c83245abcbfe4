package dev.deepwire.examples.cnn;

import static dev.deepwire.annotations.ActivationFunction.RELU;
import static dev.deepwire.annotations.ActivationFunction.SOFTMAX;

import dev.deepwire.annotations.Conv;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Dropout;
import dev.deepwire.annotations.Flatten;
import dev.deepwire.annotations.Initializer;
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
 * A small convolutional network for Fashion-MNIST: two 3x3 convolutions with 2x2 max pooling
 * ([28, 28, 1] → [26, 26, 32] → [13, 13, 32] → [11, 11, 64] → [5, 5, 64]), then a dense layer with dropout
 * and a softmax over the ten clothing classes.
 */
@Model(
    loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
    optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 1e-3),
    metrics = Metric.ACCURACY)
public class FashionCnn {
  @Input(shape = {28, 28, 1}) Tensor image;
  @Conv(filters = 32, kernel = 3, activation = RELU, kernelInitializer = Initializer.HE_UNIFORM) Tensor c1;
  @MaxPool(2) Tensor p1;
  @Conv(filters = 64, kernel = 3, activation = RELU, kernelInitializer = Initializer.HE_UNIFORM) Tensor c2;
  @MaxPool(2) Tensor p2;
  @Flatten Tensor flat;
  @Dense(units = 128, activation = RELU, kernelInitializer = Initializer.HE_UNIFORM) Tensor hidden;
  @Dropout(0.4) Tensor dropped;
  @Output @Dense(units = 10, activation = SOFTMAX) Tensor label;
}
