package dev.deepwire.examples.capsnet;

import static dev.deepwire.annotations.ActivationFunction.RELU;
import static dev.deepwire.annotations.ActivationFunction.SIGMOID;

import dev.deepwire.annotations.CapsuleLength;
import dev.deepwire.annotations.CapsuleMask;
import dev.deepwire.annotations.Capsules;
import dev.deepwire.annotations.Conv;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.PrimaryCaps;
import dev.deepwire.annotations.Reshape;
import dev.deepwire.annotations.Tensor;

/**
 * A capsule network (Sabour et al., 2017) sized for two CPU cores: a 9x9 convolution of 32 filters (the paper:
 * 256), 8 primary capsule types of 8 values (the paper: 32), 10 class capsules of 16 values with 3 routing
 * iterations, and the paper's decoder reconstructing the image from the class capsule, masked by the true class
 * while training and by the longest capsule otherwise. The reconstruction loss (MSE over 784 pixels, weight
 * 0.392 = the paper's 0.0005 on the sum of squares) regularises the capsules.
 */
@Model(loss = Loss.MARGIN, optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 1e-3),
    metrics = Metric.ACCURACY)
public interface FashionCapsNet {
  @Input(shape = {28, 28, 1}) Tensor image();

  /** The class one-hot: masks the decoder while training; ignored at inference. */
  @Input(shape = 10) Tensor label();

  @Conv(filters = 32, kernel = 9, activation = RELU) Tensor features(Tensor image);

  @PrimaryCaps(channels = 8, dimension = 8, kernel = 9, strides = 2) Tensor primary(Tensor features);

  @Capsules(count = 10, dimension = 16, routing = 3) Tensor classes(Tensor primary);

  @Output(target = "label") @CapsuleLength Tensor scores(Tensor classes);

  @CapsuleMask Tensor masked(Tensor classes, Tensor label);

  @Dense(units = 256, activation = RELU) Tensor decoded1(Tensor masked);

  @Dense(units = 512, activation = RELU) Tensor decoded2(Tensor decoded1);

  @Dense(units = 784, activation = SIGMOID) Tensor pixels(Tensor decoded2);

  @Output(loss = Loss.MSE, target = "image", weight = 0.392) @Reshape({28, 28, 1}) Tensor reconstruction(
      Tensor pixels);
}
