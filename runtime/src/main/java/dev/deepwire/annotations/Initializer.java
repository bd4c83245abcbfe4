package dev.deepwire.annotations;

/** How a weight is filled before training. Fan-in and fan-out are those of the weight's shape. */
public enum Initializer {
  /** Uniform in {@code ±sqrt(6 / (fanIn + fanOut))} (Glorot and Bengio, 2010). */
  GLOROT_UNIFORM,
  /** Truncated normal with {@code stddev = sqrt(2 / (fanIn + fanOut))}. */
  GLOROT_NORMAL,
  /** Uniform in {@code ±sqrt(6 / fanIn)} (He et al., 2015). */
  HE_UNIFORM,
  /** Truncated normal with {@code stddev = sqrt(2 / fanIn)}. */
  HE_NORMAL,
  /** Truncated normal with {@code stddev = sqrt(1 / fanIn)}; pairs with SELU. */
  LECUN_NORMAL,
  /** All zeros. */
  ZEROS,
  /** All ones. */
  ONES
}
