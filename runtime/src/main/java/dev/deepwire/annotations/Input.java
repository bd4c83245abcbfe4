package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A model input, fed from the data column of the same name.
 *
 * <p>Output shape: {@code [batch, shape...]}. Dimensions must be positive.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Input {
  /** The shape of one example, without the batch dimension, e.g. {@code {28, 28}}. */
  int[] shape();

  /** The element type of the data. */
  DType dtype() default DType.FLOAT32;
}
