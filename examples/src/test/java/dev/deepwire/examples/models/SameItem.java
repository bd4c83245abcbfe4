package dev.deepwire.examples.models;

import static dev.deepwire.annotations.ActivationFunction.SIGMOID;

import dev.deepwire.annotations.Concatenate;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/** A Siamese pair classifier: one {@link Tower} applied to both inputs, so both share its weights. */
@Model(loss = Loss.BINARY_CROSSENTROPY, metrics = Metric.ACCURACY)
public interface SameItem {
  @Input(shape = 6) Tensor left();
  @Input(shape = 6) Tensor right();
  Tower leftCode(Tensor left);
  Tower rightCode(Tensor right);
  @Concatenate Tensor pair(Tensor leftCode, Tensor rightCode);
  @Output @Dense(units = 1, activation = SIGMOID) Tensor same(Tensor pair);
}
