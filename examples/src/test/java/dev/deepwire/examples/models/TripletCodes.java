package dev.deepwire.examples.models;

import dev.deepwire.annotations.Distance;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/** Three inputs through one {@link Tower}, trained with the triplet loss: no target column. */
@Model(loss = Loss.TRIPLET)
public interface TripletCodes {
  @Input(shape = 6) Tensor anchor();
  @Input(shape = 6) Tensor positive();
  @Input(shape = 6) Tensor negative();
  Tower anchorCode(Tensor anchor);
  Tower positiveCode(Tensor positive);
  Tower negativeCode(Tensor negative);
  @Output @Distance Tensor distances(Tensor anchorCode, Tensor positiveCode, Tensor negativeCode);
}
