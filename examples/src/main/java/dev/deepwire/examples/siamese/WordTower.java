package dev.deepwire.examples.siamese;

import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Embedding;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.LSTM;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/** Letters of a word, embedded (padding masked) and read by an LSTM, projected to a 32-value code. */
@Model
public class WordTower {
  @Input(shape = CmuHomophones.LENGTH) Tensor letters;
  @Embedding(vocabulary = CmuHomophones.VOCABULARY, dimension = 16, maskZero = true) Tensor vectors;
  @LSTM(units = 64) Tensor state;
  @Output @Dense(units = 32) Tensor code;
}
