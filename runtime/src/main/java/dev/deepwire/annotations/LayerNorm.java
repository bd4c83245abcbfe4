package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Layer normalisation over the last axis ({@code gamma * (x - mean) / sqrt(var + epsilon) + beta}), the same in
 * training and inference. Input rank ≥ 2; output shape = input shape.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface LayerNorm {
  /** Added to the variance; must be positive. */
  double epsilon() default 1e-6;
}
