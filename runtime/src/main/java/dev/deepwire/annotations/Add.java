package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds two or more inputs element-wise (graph form: the method's parameters), e.g. a residual connection.
 *
 * <p>Input shapes: all equal. Output shape: the same.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Add {}
