package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A lookup table from token ids to learnt vectors.
 *
 * <p>Input shape: {@code [batch, time]} of ids in {@code [0, vocabulary)} (fed as floats). Output shape:
 * {@code [batch, time, dimension]}. With {@code maskZero}, id 0 is padding and recurrent layers after it skip
 * those steps.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Embedding {
  /** The number of token ids (rows of the table); must be positive. */
  int vocabulary();

  /** The size of each vector; must be positive. */
  int dimension();

  /** Whether id 0 marks padding that recurrent layers skip. */
  boolean maskZero() default false;
}
