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

/**
 * Inpainting: takes an image with a square patch blanked out (a stand-in for a watermark) and is trained
 * to output the whole clean image (the data column {@code clean}).
 */
@Model(loss = Loss.MSE)
public interface InpaintingAutoencoder {
  @Input(shape = 784) Tensor masked();
  @Encoder @Dense(units = 512, activation = RELU) Tensor hidden(Tensor masked);
  @Encoder @Dense(units = 128, activation = RELU) Tensor code(Tensor hidden);
  @Decoder @Dense(units = 512, activation = RELU) Tensor expanded(Tensor code);
  @Output @Dense(units = 784, activation = SIGMOID) Tensor clean(Tensor expanded);
}
