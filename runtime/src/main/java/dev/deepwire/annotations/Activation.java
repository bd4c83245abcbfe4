package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Applies an activation function on its own, e.g. after a linear {@link Dense}.
 *
 * <p>Input shape: any. Output shape: the input's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Activation {
  /** The function. */
  ActivationFunction value();

  /** The negative slope of {@link ActivationFunction#LEAKY_RELU}. */
  double alpha() default 0.2;
}
