package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets each element to zero with probability {@code rate} while training, without rescaling the rest (the
 * masking noise of denoising autoencoders, unlike {@link Dropout}); the identity at inference.
 *
 * <p>Input shape: any. Output shape: the input's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface MaskingNoise {
  /** The probability of zeroing an element, in {@code (0, 1)}. */
  double value();
}
