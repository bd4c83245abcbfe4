package dev.deepwire.examples.models;

import static dev.deepwire.annotations.ActivationFunction.RELU;
import static dev.deepwire.annotations.ActivationFunction.SIGMOID;

import dev.deepwire.annotations.Concatenate;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/** A graph-form DAG: two inputs joined, two outputs with different losses. */
@Model(loss = Loss.MSE, optimizer = @Optimizer(learningRate = 1e-2))
public interface TwoHeads {
  @Input(shape = 8) Tensor a();
  @Input(shape = 4) Tensor b();
  @Concatenate Tensor joined(Tensor a, Tensor b);
  @Dense(units = 16, activation = RELU) Tensor hidden(Tensor joined);
  @Output @Dense(units = 1) Tensor price(Tensor hidden);
  @Output(loss = Loss.BINARY_CROSSENTROPY) @Dense(units = 1, activation = SIGMOID) Tensor sold(Tensor hidden);
}
