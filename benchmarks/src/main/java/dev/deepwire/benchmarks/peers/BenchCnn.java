package dev.deepwire.benchmarks.peers;

import static dev.deepwire.annotations.ActivationFunction.RELU;
import static dev.deepwire.annotations.ActivationFunction.SOFTMAX;

import dev.deepwire.annotations.Conv;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Flatten;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.MaxPool;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/**
 * The peer table's CNN, conv32-pool-conv64-pool-128-10 (3x3 valid convolutions, 2x2 max pooling), exactly as
 * the DL4J and DJL versions: Glorot-uniform weights, Adam 1e-3.
 */
@Model(loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 1e-3))
public class BenchCnn {
  @Input(shape = {28, 28, 1}) Tensor image;
  @Conv(filters = 32, kernel = 3, activation = RELU) Tensor c1;
  @MaxPool(2) Tensor p1;
  @Conv(filters = 64, kernel = 3, activation = RELU) Tensor c2;
  @MaxPool(2) Tensor p2;
  @Flatten Tensor flat;
  @Dense(units = 128, activation = RELU) Tensor hidden;
  @Output @Dense(units = 10, activation = SOFTMAX) Tensor label;
}
