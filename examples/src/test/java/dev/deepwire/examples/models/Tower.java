package dev.deepwire.examples.models;

import static dev.deepwire.annotations.ActivationFunction.RELU;

import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/** An embedding tower, used twice by {@link SameItem}. */
@Model
public class Tower {
  @Input(shape = 6) Tensor x;
  @Dense(units = 8, activation = RELU) Tensor h;
  @Output @Dense(units = 4) Tensor code;
}
