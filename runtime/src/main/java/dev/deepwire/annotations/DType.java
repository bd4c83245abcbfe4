package dev.deepwire.annotations;

/** Element types of model inputs. */
public enum DType {
  /** 32-bit floats: pixels, features, series values. */
  FLOAT32,
  /** 32-bit integers: class or token indices, cast to float by layers that need floats. */
  INT32
}
