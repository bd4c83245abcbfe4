package dev.deepwire.examples.siamese;

import dev.deepwire.annotations.Distance;
import dev.deepwire.annotations.DistanceKind;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/**
 * Two images through one {@link FashionTower} (one set of weights); the cosine distance of their codes. The codes
 * are ReLU feature maps, so cosine distances lie in [0, 1]: the contrastive margin is 0.5, not the default 1,
 * which would ask every non-matching pair for orthogonal codes.
 */
@Model(loss = Loss.CONTRASTIVE)
public interface SiameseFashionCnn {
  @Input(shape = {28, 28, 1}) Tensor left();

  @Input(shape = {28, 28, 1}) Tensor right();

  FashionTower leftCode(Tensor left);

  FashionTower rightCode(Tensor right);

  @Output @Distance(value = DistanceKind.COSINE, margin = 0.5) Tensor distance(Tensor leftCode, Tensor rightCode);
}
