package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Flattens each example into a vector.
 *
 * <p>Input shape: {@code [batch, d1, ..., dn]}. Output shape: {@code [batch, d1 * ... * dn]}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Flatten {}
