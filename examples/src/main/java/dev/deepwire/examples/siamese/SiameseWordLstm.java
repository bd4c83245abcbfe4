package dev.deepwire.examples.siamese;

import dev.deepwire.annotations.Distance;
import dev.deepwire.annotations.DistanceKind;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/** Two spellings through one LSTM tower ({@link WordTower}); the distance of their codes: small for homophones. */
@Model(loss = Loss.CONTRASTIVE)
public interface SiameseWordLstm {
  @Input(shape = CmuHomophones.LENGTH) Tensor left();

  @Input(shape = CmuHomophones.LENGTH) Tensor right();

  WordTower leftCode(Tensor left);

  WordTower rightCode(Tensor right);

  @Output @Distance(DistanceKind.L2) Tensor distance(Tensor leftCode, Tensor rightCode);
}
