package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pads the spatial dimensions with zeros on both sides.
 *
 * <p>Input shape: {@code [batch, d1, ..., dn, channels]}. Output shape: {@code [batch, d1 + 2 p1, ...,
 * dn + 2 pn, channels]}, where {@code value} gives one {@code p} for every spatial dimension or one per
 * dimension.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface ZeroPadding {
  /** The zeros added before and after each spatial dimension; non-negative. */
  int[] value() default 1;
}
