package dev.deepwire.examples.siamese;

import dev.deepwire.annotations.Distance;
import dev.deepwire.annotations.DistanceKind;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/** Two images through one {@link CapsuleTower}; the distance of their codes. */
@Model(loss = Loss.CONTRASTIVE)
public interface SiameseFashionCapsNet {
  @Input(shape = {28, 28, 1}) Tensor left();

  @Input(shape = {28, 28, 1}) Tensor right();

  CapsuleTower leftCode(Tensor left);

  CapsuleTower rightCode(Tensor right);

  @Output @Distance(DistanceKind.L2) Tensor distance(Tensor leftCode, Tensor rightCode);
}
