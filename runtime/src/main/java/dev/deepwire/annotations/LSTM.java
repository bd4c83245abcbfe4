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
 *
 * <p><b>Initial states</b> (graph form): parameters after the sequence are the initial states, 2 states, {@code h} then {@code c}, each
 * {@code [batch, units]}; without them the states start at zero. <b>Final states</b>: with {@code returnState},
 * a {@link FinalState} member consuming this layer gives one of its final states, e.g. an encoder's state
 * handed to a decoder:
 *
 * <pre>{@code
 * @LSTM(units = 64, returnState = true) Tensor encoder(Tensor source);
 * @FinalState(0) Tensor h(Tensor encoder);
 * @FinalState(1) Tensor c(Tensor encoder);
 * @LSTM(units = 64, returnSequences = true) Tensor decoder(Tensor target, Tensor h, Tensor c);
 * }</pre>
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

  /** Whether the final states are available to {@link FinalState} members consuming this layer. */
  boolean returnState() default false;

  /**
   * Truncated back-propagation through time: with {@code truncate = k > 0} the sequence is cut into chunks of
   * k steps from its start and gradients do not flow from one chunk into the previous one (the state passed
   * across a chunk boundary is a constant to back-propagation). The forward pass is unchanged. 0, the default,
   * is full back-propagation through time.
   */
  int truncate() default 0;
}
