package dev.deepwire.examples.generative;

import static dev.deepwire.annotations.ActivationFunction.LEAKY_RELU;
import static dev.deepwire.annotations.ActivationFunction.SIGMOID;

import dev.deepwire.annotations.Conv;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Flatten;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Padding;
import dev.deepwire.annotations.Tensor;

/** The DCGAN discriminator: strided convolutions with leaky ReLU down to one probability of "real". */
@Model(loss = Loss.BINARY_CROSSENTROPY,
    optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 2e-4, beta1 = 0.5))
public class FashionCritic {
  @Input(shape = {28, 28, 1}) Tensor image;
  @Conv(filters = 32, kernel = 4, strides = 2, padding = Padding.SAME, activation = LEAKY_RELU) Tensor down1;
  @Conv(filters = 64, kernel = 4, strides = 2, padding = Padding.SAME, activation = LEAKY_RELU) Tensor down2;
  @Flatten Tensor flat;
  @Output @Dense(units = 1, activation = SIGMOID) Tensor real;
}
