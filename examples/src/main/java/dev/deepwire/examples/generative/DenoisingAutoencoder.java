package dev.deepwire.examples.generative;

import static dev.deepwire.annotations.ActivationFunction.RELU;
import static dev.deepwire.annotations.ActivationFunction.SIGMOID;

import dev.deepwire.annotations.Decoder;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Encoder;
import dev.deepwire.annotations.GaussianNoise;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/**
 * A denoising autoencoder: trained to restore clean images from copies with Gaussian noise (stddev 0.5)
 * that {@code @GaussianNoise} adds while training only; at inference it cleans the images it is given.
 */
@Model(loss = Loss.MSE)
public interface DenoisingAutoencoder {
  /** The noise level of training, also used to corrupt the test images. */
  double NOISE = 0.5;

  @Input(shape = 784) Tensor pixels();
  @GaussianNoise(NOISE) Tensor noisy(Tensor pixels);
  @Encoder @Dense(units = 256, activation = RELU) Tensor hidden(Tensor noisy);
  @Encoder @Dense(units = 64, activation = RELU) Tensor code(Tensor hidden);
  @Decoder @Dense(units = 256, activation = RELU) Tensor expanded(Tensor code);
  @Output(target = "pixels") @Dense(units = 784, activation = SIGMOID) Tensor restored(Tensor expanded);
}
