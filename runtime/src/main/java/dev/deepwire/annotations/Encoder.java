package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a layer as part of the encoder of an autoencoder. The encoder ends in the <em>code</em>: the layer
 * the {@link Decoder} layers start from (or, without decoder layers, the one encoder layer no other encoder
 * layer consumes). {@code predictor.encode(x)} returns the code for inputs {@code x}.
 *
 * <pre>{@code
 * @Encoder @Dense(units = 32, activation = RELU) Tensor code(Tensor hidden);
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Encoder {}
