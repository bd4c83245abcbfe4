package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Takes the maximum of each window, channel by channel, over one, two or three spatial dimensions chosen by
 * the rank of its input (channels last).
 *
 * <p>Input shape: {@code [batch, steps, channels]}, {@code [batch, height, width, channels]} or
 * {@code [batch, depth, height, width, channels]}. Output shape: the same rank and channels with each spatial
 * size {@code ceil((in - window + 1) / stride)} for {@link Padding#VALID} or {@code ceil(in / stride)} for
 * {@link Padding#SAME}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface MaxPool {
  /** The window size, one value or one per spatial dimension; each must be positive. */
  int[] value();

  /** The step between windows, one value or one per spatial dimension; empty means the window size. */
  int[] strides() default {};

  /** How borders are treated. */
  Padding padding() default Padding.VALID;
}
