package dev.deepwire.examples.generative;

import static dev.deepwire.annotations.ActivationFunction.SIGMOID;

import dev.deepwire.annotations.ActivityRegularization;
import dev.deepwire.annotations.Decoder;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Encoder;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/**
 * An overcomplete sparse autoencoder: 256 sigmoid code units whose mean activation a KL penalty pulls to
 * 0.05, so each image lights up few of them.
 */
@Model(loss = Loss.MSE)
public interface SparseAutoencoder {
  @Input(shape = 784) Tensor pixels();
  @Encoder @Dense(units = 256, activation = SIGMOID) Tensor units(Tensor pixels);
  @Encoder @ActivityRegularization(sparsityTarget = 0.05, sparsityWeight = 3e-3) Tensor code(Tensor units);
  @Output(target = "pixels") @Dense(units = 784, activation = SIGMOID) Tensor restored(Tensor code);
}
