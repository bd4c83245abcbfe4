package dev.deepwire.examples.siamese;

import static dev.deepwire.annotations.ActivationFunction.RELU;

import dev.deepwire.annotations.Capsules;
import dev.deepwire.annotations.Conv;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Flatten;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.PrimaryCaps;
import dev.deepwire.annotations.Tensor;

/**
 * A capsule network that maps an image to a 32-value code: the capsnet example's encoder with 8 routed capsules
 * of 8 values, projected; {@link SiameseFashionCapsNet} uses it for both images of a pair.
 */
@Model
public class CapsuleTower {
  @Input(shape = {28, 28, 1}) Tensor image;
  @Conv(filters = 32, kernel = 9, activation = RELU) Tensor features;
  @PrimaryCaps(channels = 8, dimension = 8, kernel = 9, strides = 2) Tensor primary;
  @Capsules(count = 8, dimension = 8, routing = 3) Tensor capsules;
  @Flatten Tensor flat;
  @Output @Dense(units = 32) Tensor code;
}
