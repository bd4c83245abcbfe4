package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A gated recurrent unit layer with Keras' semantics (gate order {@code z, r, h}), unrolled over the input's
 * time axis.
 *
 * <p>Input shape: {@code [batch, time, features]}. Output shape: {@code [batch, units]}, or
 * {@code [batch, time, units]} with {@code returnSequences}. Add {@link Bidirectional} to also read backwards.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface GRU {
  /** The size of the state and output; must be positive. */
  int units();

  /** The activation of the candidate state. */
  ActivationFunction activation() default ActivationFunction.TANH;

  /** The activation of the update and reset gates. */
  ActivationFunction recurrentActivation() default ActivationFunction.SIGMOID;

  /** Whether every step's output is returned instead of the last one. */
  boolean returnSequences() default false;

  /** Whether a bias is added. */
  boolean useBias() default true;

  /** Whether the reset gate applies after the recurrent product (Keras' and cuDNN's default) or before it. */
  boolean resetAfter() default true;
}
