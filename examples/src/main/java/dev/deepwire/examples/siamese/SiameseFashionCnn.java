package dev.deepwire.examples.siamese;

import dev.deepwire.annotations.Distance;
import dev.deepwire.annotations.DistanceKind;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/** Two images through one {@link FashionTower} (one set of weights); the distance of their codes. */
@Model(loss = Loss.CONTRASTIVE)
public interface SiameseFashionCnn {
  @Input(shape = {28, 28, 1}) Tensor left();

  @Input(shape = {28, 28, 1}) Tensor right();

  FashionTower leftCode(Tensor left);

  FashionTower rightCode(Tensor right);

  @Output @Distance(DistanceKind.L2) Tensor distance(Tensor leftCode, Tensor rightCode);
}
