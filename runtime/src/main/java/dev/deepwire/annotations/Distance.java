package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The distance between codes, e.g. of two Siamese towers. Two inputs {@code [batch, d]} give
 * {@code [batch, 1]}, the distance of each pair (train with {@link Loss#CONTRASTIVE}). Three inputs (anchor,
 * positive, negative) give {@code [batch, 2]}: the anchor's distance to the positive, then to the negative
 * (train with {@link Loss#TRIPLET}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Distance {
  /** How to compare. */
  DistanceKind value() default DistanceKind.L2;
}
