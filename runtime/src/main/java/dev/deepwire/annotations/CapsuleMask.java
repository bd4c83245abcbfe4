package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps one capsule and zeroes the others, flattened for a reconstruction decoder. Takes two inputs: the
 * capsules {@code [batch, count, dimension]} and a one-hot label {@code [batch, count]}. While training it keeps
 * the labelled capsule; at inference the longest capsule (the label input is then ignored).
 *
 * <p>Output shape: {@code [batch, count * dimension]}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface CapsuleMask {}
