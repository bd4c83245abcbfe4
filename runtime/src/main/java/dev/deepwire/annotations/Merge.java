package dev.deepwire.annotations;

/** How {@link Bidirectional} combines the forward and backward outputs. */
public enum Merge {
  /** Forward then backward along the last axis: {@code 2 units} wide. */
  CONCAT,
  /** Element-wise sum. */
  SUM,
  /** Element-wise mean. */
  MEAN,
  /** Element-wise product. */
  MUL
}
