package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A long short-term memory layer with Keras' gate order {@code i, f, c, o} and unit forget bias, unrolled over
 * the input's time axis.
 *
 * <p>Input shape: {@code [batch, time, features]}. Output shape: {@code [batch, units]}, or
 * {@code [batch, time, units]} with {@code returnSequences}. Add {@link Bidirectional} to also read backwards.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface LSTM {
  /** The size of the state and output; must be positive. */
  int units();

  /** The activation of the cell candidate and of the output. */
  ActivationFunction activation() default ActivationFunction.TANH;

  /** The activation of the input, forget and output gates. */
  ActivationFunction recurrentActivation() default ActivationFunction.SIGMOID;

  /** Whether every step's output is returned instead of the last one. */
  boolean returnSequences() default false;

  /** Whether a bias is added. */
  boolean useBias() default true;

  /** Whether the forget gate's bias starts at 1 (Jozefowicz et al.). */
  boolean unitForgetBias() default true;
}
