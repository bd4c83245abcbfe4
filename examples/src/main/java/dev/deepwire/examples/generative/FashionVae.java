package dev.deepwire.examples.generative;

import static dev.deepwire.annotations.ActivationFunction.RELU;
import static dev.deepwire.annotations.ActivationFunction.SIGMOID;

import dev.deepwire.annotations.Decoder;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Encoder;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Sample;
import dev.deepwire.annotations.Tensor;

/**
 * A variational autoencoder with a 16-dimensional latent space. The reconstruction loss is the binary
 * cross-entropy averaged over the 784 pixels, so the KL term is weighted 1/784: the loss is the negative
 * ELBO per pixel.
 */
@Model
public interface FashionVae {
  /** Latent dimensions. */
  int LATENT = 16;

  @Input(shape = 784) Tensor pixels();
  @Encoder @Dense(units = 512, activation = RELU) Tensor hidden(Tensor pixels);
  @Encoder @Dense(units = LATENT) Tensor mu(Tensor hidden);
  @Encoder @Dense(units = LATENT) Tensor logVar(Tensor hidden);
  @Sample(klWeight = 1.0 / 784) Tensor z(Tensor mu, Tensor logVar);
  @Decoder @Dense(units = 512, activation = RELU) Tensor expanded(Tensor z);
  @Output(loss = Loss.BINARY_CROSSENTROPY, target = "pixels") @Dense(units = 784, activation = SIGMOID)
  Tensor restored(Tensor expanded);
}
