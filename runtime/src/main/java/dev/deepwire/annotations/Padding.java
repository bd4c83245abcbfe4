package dev.deepwire.annotations;

/** How a convolution or pooling window treats the borders of its input. */
public enum Padding {
  /** No padding: the window stays inside the input; output size {@code ceil((in - window + 1) / stride)}. */
  VALID,
  /** Zero padding so that the output size is {@code ceil(in / stride)}. */
  SAME
}
