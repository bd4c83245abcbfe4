package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The primary capsules of a capsule network: a convolution whose {@code channels * dimension} filters are
 * regrouped into capsule vectors of {@code dimension} values and squashed, so each vector's length (below 1)
 * says how present its entity is.
 *
 * <p>Input shape: {@code [batch, height, width, features]}. Output shape: {@code [batch, capsules, dimension]} with
 * {@code capsules = outHeight * outWidth * channels}, the convolution's output sizes computed as for
 * {@link Conv} with {@link Padding#VALID}. Weights: kernel {@code [k, k, features, channels * dimension]}, bias.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface PrimaryCaps {
  /** Capsule types per position; must be positive. */
  int channels();

  /** Values per capsule vector; must be at least 2. */
  int dimension();

  /** The convolution's window, square; must be positive and fit the input. */
  int kernel() default 9;

  /** The convolution's step; must be positive. */
  int strides() default 2;
}
