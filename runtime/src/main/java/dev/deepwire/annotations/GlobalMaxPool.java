package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Takes the maximum over all spatial positions, channel by channel.
 *
 * <p>Input shape: {@code [batch, d1, ..., dn, channels]} with {@code n >= 1}. Output shape:
 * {@code [batch, channels]}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface GlobalMaxPool {}
