package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Joins two or more inputs along their last axis (graph form: the method's parameters).
 *
 * <p>Input shapes: equal except in the last dimension. Output shape: theirs, with the last dimensions
 * summed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Concatenate {}
