package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully recurrent (Elman) layer: {@code h' = activation(x · kernel + h · recurrentKernel + bias)}, unrolled
 * over the input's time axis.
 *
 * <p>Input shape: {@code [batch, time, features]}. Output shape: {@code [batch, units]}, or
 * {@code [batch, time, units]} with {@code returnSequences}. Add {@link Bidirectional} to also read backwards.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface SimpleRNN {
  /** The size of the state and output; must be positive. */
  int units();

  /** The activation of the state. */
  ActivationFunction activation() default ActivationFunction.TANH;

  /** Whether every step's output is returned instead of the last one. */
  boolean returnSequences() default false;

  /** Whether a bias is added. */
  boolean useBias() default true;
}
