package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inverted dropout: while training, zeroes each element with probability {@code rate} and scales the rest
 * by {@code 1 / (1 - rate)}; at inference it is the identity.
 *
 * <p>Input shape: any. Output shape: the input's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Dropout {
  /** The drop probability, in {@code [0, 1)}. */
  double value();
}
