package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks padded time steps: a step of {@code [batch, time, features]} whose features all equal {@code value} is
 * skipped by the recurrent layers after it (its state is carried over, its output is zero).
 *
 * <p>Input shape: {@code [batch, time, features]}. Output shape: the input's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Masking {
  /** The padding value. */
  double value() default 0;
}
