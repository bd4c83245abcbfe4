package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A modifier of {@link SimpleRNN}, {@link LSTM} or {@link GRU}: runs the layer forwards and a second copy
 * (own weights) backwards and merges the outputs. {@code CONCAT} doubles the last axis.
 *
 * <pre>{@code @Bidirectional(merge = Merge.SUM) @LSTM(units = 32, returnSequences = true) Tensor both;}</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Bidirectional {
  /** How the two directions are combined. */
  Merge merge() default Merge.CONCAT;
}
