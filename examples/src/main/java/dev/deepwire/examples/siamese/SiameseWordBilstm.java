package dev.deepwire.examples.siamese;

import dev.deepwire.annotations.Distance;
import dev.deepwire.annotations.DistanceKind;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/** Two spellings through one bidirectional LSTM tower ({@link BiWordTower}); the distance of their codes: small for homophones. */
@Model(loss = Loss.CONTRASTIVE)
public interface SiameseWordBilstm {
  @Input(shape = CmuHomophones.LENGTH) Tensor left();

  @Input(shape = CmuHomophones.LENGTH) Tensor right();

  BiWordTower leftCode(Tensor left);

  BiWordTower rightCode(Tensor right);

  @Output @Distance(DistanceKind.L2) Tensor distance(Tensor leftCode, Tensor rightCode);
}
