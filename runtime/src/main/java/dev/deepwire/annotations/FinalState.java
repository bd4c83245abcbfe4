package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One final state of the recurrent layer this member consumes, which must declare {@code returnState = true}:
 * state 0 is {@code h} (SimpleRNN, GRU, LSTM), state 1 is LSTM's cell state {@code c}.
 *
 * <p>Input: a {@link SimpleRNN}, {@link LSTM} or {@link GRU} member. Output shape: {@code [batch, units]}.
 *
 * <pre>{@code
 * @LSTM(units = 64, returnState = true) Tensor encoder(Tensor source);
 * @FinalState(1) Tensor memory(Tensor encoder);   // the encoder's last cell state c
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface FinalState {
  /** Which state: 0 = {@code h}, 1 = {@code c} (LSTM only). */
  int value() default 0;
}
