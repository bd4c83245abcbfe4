package dev.deepwire.examples.cnn3d;

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
import dev.deepwire.annotations.Padding;
import dev.deepwire.annotations.Tensor;

/**
 * A 3D convolutional network that finds the odd slice of a volume: [4, 14, 14, 1] → 3x3x3 conv
 * [4, 14, 14, 16] → pool 1x2x2 [4, 7, 7, 16] → 3x3x3 conv [4, 7, 7, 32] → pool 1x2x2 [4, 3, 3, 32] → dense
 * → softmax over the four depths.
 */
@Model(
    loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
    optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 1e-3),
    metrics = Metric.ACCURACY)
public class OddSliceCnn {
  @Input(shape = {4, 14, 14, 1}) Tensor volume;
  @Conv(filters = 16, kernel = 3, padding = Padding.SAME, activation = RELU,
      kernelInitializer = Initializer.HE_UNIFORM) Tensor c1;
  @MaxPool({1, 2, 2}) Tensor p1;
  @Conv(filters = 32, kernel = 3, padding = Padding.SAME, activation = RELU,
      kernelInitializer = Initializer.HE_UNIFORM) Tensor c2;
  @MaxPool({1, 2, 2}) Tensor p2;
  @Flatten Tensor flat;
  @Dense(units = 64, activation = RELU, kernelInitializer = Initializer.HE_UNIFORM) Tensor hidden;
  @Dropout(0.3) Tensor dropped;
  @Output @Dense(units = 4, activation = SOFTMAX) Tensor position;
}
