package dev.deepwire.examples.generative;

import static dev.deepwire.annotations.ActivationFunction.RELU;
import static dev.deepwire.annotations.ActivationFunction.SIGMOID;

import dev.deepwire.annotations.Activation;
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
 * Semantic hashing (Salakhutdinov and Hinton): Gaussian noise on the code's logits while training forces
 * the sigmoid code units towards 0 or 1, so thresholding them at 0.5 loses little: a 64-bit binary code per
 * image whose Hamming neighbours look alike.
 */
@Model(loss = Loss.BINARY_CROSSENTROPY)
public interface HashingAutoencoder {
  @Input(shape = 784) Tensor pixels();
  @Encoder @Dense(units = 512, activation = RELU) Tensor hidden(Tensor pixels);
  @Encoder @Dense(units = 64) Tensor logits(Tensor hidden);
  @Encoder @GaussianNoise(4) Tensor jittered(Tensor logits);
  @Encoder @Activation(SIGMOID) Tensor bits(Tensor jittered);
  @Decoder @Dense(units = 512, activation = RELU) Tensor expanded(Tensor bits);
  @Output(target = "pixels") @Dense(units = 784, activation = SIGMOID) Tensor restored(Tensor expanded);
}
