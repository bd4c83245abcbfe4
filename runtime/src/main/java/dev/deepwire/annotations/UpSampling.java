package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Repeats each spatial position (nearest-neighbour upsampling).
 *
 * <p>Input shape: {@code [batch, d1, ..., dn, channels]}. Output shape: {@code [batch, d1 * s1, ..., dn * sn,
 * channels]}, where {@code value} gives one factor {@code s} for every spatial dimension or one per dimension.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface UpSampling {
  /** The repetition factor; each must be positive. */
  int[] value() default 2;
}
