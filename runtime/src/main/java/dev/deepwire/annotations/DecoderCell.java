package dev.deepwire.annotations;

/** The recurrent cell a {@link SequenceDecoder} steps with. */
public enum DecoderCell {
  /** Keras-compatible LSTM (gates i, f, c, o; unit forget bias). */
  LSTM,
  /** Keras-compatible GRU (reset after the matrix product). */
  GRU
}
