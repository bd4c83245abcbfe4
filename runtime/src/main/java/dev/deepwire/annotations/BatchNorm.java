package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Batch normalisation over the last (channel) axis: {@code gamma * (x - mean) / sqrt(variance + epsilon) + beta}.
 *
 * <p>While training, mean and variance are those of the batch (over every axis but the last), and each train
 * step moves the moving averages towards them: {@code moving = momentum * moving + (1 - momentum) * batch}.
 * At inference the moving averages are used. They are variables, saved in checkpoints, but not trained.
 *
 * <p>Input shape: {@code [batch, ..., channels]}. Output shape: the input's. Weights: gamma and beta
 * {@code [channels]}; moving mean and variance {@code [channels]}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface BatchNorm {
  /** The decay of the moving averages, in {@code [0, 1)}. */
  double momentum() default 0.99;

  /** Added to the variance before the square root; must be positive. */
  double epsilon() default 1e-3;
}
