package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a layer as a model output: what {@code Predictor} returns and what the loss compares with targets.
 * Combine it with the layer annotation that computes it, e.g. {@code @Output @Dense(units = 10, ...)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Output {
  /** This output's loss; {@link Loss#NONE} means the model's {@link Model#loss()}. */
  Loss loss() default Loss.NONE;

  /**
   * Where the targets come from: empty means a data column named like this output; the name of an
   * {@link Input} means that input is the target (autoencoders reconstruct their input).
   */
  String target() default "";

  /** The weight of this output's loss in the model's total loss. */
  double weight() default 1.0;
}
