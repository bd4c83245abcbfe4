package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a layer as part of the decoder of an autoencoder. Decoder layers consume only other decoder layers
 * or the code, so {@code predictor.decode(z)} can run them from a code {@code z} alone, e.g. to generate
 * from a VAE's prior.
 *
 * <pre>{@code
 * @Decoder @Dense(units = 256, activation = RELU) Tensor expanded(Tensor code);
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Decoder {}
