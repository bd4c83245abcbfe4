package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds {@code N(0, stddev²)} noise to every element while training; the identity at inference (denoising
 * autoencoders). The noise is keyed by the model seed and the training step, so runs repeat exactly.
 *
 * <p>Input shape: any. Output shape: the input's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface GaussianNoise {
  /** The standard deviation of the noise, {@code > 0}. */
  double value();
}
