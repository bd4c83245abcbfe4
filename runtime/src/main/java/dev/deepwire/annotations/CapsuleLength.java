package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The length of each capsule vector: {@code [batch, count, dimension]} to {@code [batch, count]}, values in
 * {@code [0, 1)} for squashed capsules. As an {@code @Output} with {@link Loss#MARGIN}, the class scores.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface CapsuleLength {}
