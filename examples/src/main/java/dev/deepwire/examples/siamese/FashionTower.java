package dev.deepwire.examples.siamese;

import static dev.deepwire.annotations.ActivationFunction.RELU;

import dev.deepwire.annotations.Conv;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Flatten;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.MaxPool;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/** A CNN that maps an image to a 32-value code; {@link SiameseFashionCnn} uses it for both images of a pair. */
@Model
public class FashionTower {
  @Input(shape = {28, 28, 1}) Tensor image;
  @Conv(filters = 32, kernel = 3, activation = RELU) Tensor c1;
  @MaxPool(2) Tensor p1;
  @Conv(filters = 64, kernel = 3, activation = RELU) Tensor c2;
  @MaxPool(2) Tensor p2;
  @Flatten Tensor flat;
  @Dense(units = 128, activation = RELU) Tensor hidden;
  @Output @Dense(units = 32) Tensor code;
}
