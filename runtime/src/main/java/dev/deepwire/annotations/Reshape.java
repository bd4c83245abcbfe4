package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives each example a new shape with the same number of elements.
 *
 * <p>Input shape: {@code [batch, d1, ..., dn]}. Output shape: {@code [batch, value...]}; at most one
 * dimension of {@code value} may be {@code -1}, inferred from the others.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Reshape {
  /** The new shape of one example, without the batch dimension. */
  int[] value();
}
