package dev.deepwire.examples.generative;

import static dev.deepwire.annotations.ActivationFunction.RELU;
import static dev.deepwire.annotations.ActivationFunction.SIGMOID;

import dev.deepwire.annotations.BatchNorm;
import dev.deepwire.annotations.ConvTranspose;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Padding;
import dev.deepwire.annotations.Reshape;
import dev.deepwire.annotations.Tensor;

/**
 * The DCGAN generator: 64 noise values → 7×7×64 → transposed convolutions up to a 28×28 image, with batch
 * normalisation after the hidden layers as in the DCGAN paper.
 */
@Model(optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 2e-4, beta1 = 0.5))
public class FashionGenerator {
  /** Noise values per image. */
  public static final int LATENT = 64;

  @Input(shape = LATENT) Tensor noise;
  @Dense(units = 7 * 7 * 64, activation = RELU) Tensor projected;
  @BatchNorm Tensor normalized;
  @Reshape({7, 7, 64}) Tensor grid;
  @ConvTranspose(filters = 32, kernel = 4, strides = 2, padding = Padding.SAME, activation = RELU) Tensor up;
  @BatchNorm Tensor upNormalized;
  @Output @ConvTranspose(filters = 1, kernel = 4, strides = 2, padding = Padding.SAME, activation = SIGMOID)
  Tensor image;
}
