package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Dropout of whole channels: while training, zeroes each channel of each example with probability
 * {@code value} across all its spatial positions and scales the rest by {@code 1 / (1 - value)}; at inference
 * it is the identity. Suits convolutional features, whose neighbours are strongly correlated.
 *
 * <p>Input shape: {@code [batch, d1, ..., dn, channels]} with {@code n >= 1}. Output shape: the input's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface SpatialDropout {
  /** The drop probability, in {@code [0, 1)}. */
  double value();
}
