package dev.deepwire.benchmarks.peers;

import static dev.deepwire.annotations.ActivationFunction.RELU;
import static dev.deepwire.annotations.ActivationFunction.SOFTMAX;

import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Flatten;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/** The peer table's MLP, 784-256-128-10, exactly as the DL4J and DJL versions: Glorot-uniform weights, Adam 1e-3. */
@Model(loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 1e-3))
public class BenchMlp {
  @Input(shape = {28, 28}) Tensor image;
  @Flatten Tensor pixels;
  @Dense(units = 256, activation = RELU) Tensor hidden1;
  @Dense(units = 128, activation = RELU) Tensor hidden2;
  @Output @Dense(units = 10, activation = SOFTMAX) Tensor label;
}
