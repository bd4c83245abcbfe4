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
 *
 * <p>{@code margin} is the distance those losses push non-matching codes beyond (contrastive) or the gap they
 * open between negative and positive (triplet). It depends on the kind's scale: {@code COSINE} distances of
 * ReLU codes lie in {@code [0, 1]}, so a margin of 1 there asks for orthogonal codes; 0.5 is a better start.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Distance {
  /** How to compare. */
  DistanceKind value() default DistanceKind.L2;

  /** The margin of {@link Loss#CONTRASTIVE} and {@link Loss#TRIPLET} on this distance; must be positive. */
  double margin() default 1.0;
}
