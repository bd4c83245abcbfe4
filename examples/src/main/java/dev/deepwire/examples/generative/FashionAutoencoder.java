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
import dev.deepwire.annotations.Tensor;

/** An undercomplete autoencoder: 784 pixels → 32-value code → 784 pixels. */
@Model(loss = Loss.MSE)
public interface FashionAutoencoder {
  @Input(shape = 784) Tensor pixels();
  @Encoder @Dense(units = 256, activation = RELU) Tensor hidden(Tensor pixels);
  @Encoder @Dense(units = 32, activation = RELU) Tensor code(Tensor hidden);
  @Decoder @Dense(units = 256, activation = RELU) Tensor expanded(Tensor code);
  @Output(target = "pixels") @Dense(units = 784, activation = SIGMOID) Tensor restored(Tensor expanded);
}
