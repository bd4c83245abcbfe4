package dev.deepwire.examples.siamese;

import dev.deepwire.annotations.Bidirectional;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Embedding;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.LSTM;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/** {@link WordTower} with the word read both ways (two LSTMs of 32 units, concatenated). */
@Model
public class BiWordTower {
  @Input(shape = CmuHomophones.LENGTH) Tensor letters;
  @Embedding(vocabulary = CmuHomophones.VOCABULARY, dimension = 16, maskZero = true) Tensor vectors;
  @Bidirectional @LSTM(units = 32) Tensor state;
  @Output @Dense(units = 32) Tensor code;
}
