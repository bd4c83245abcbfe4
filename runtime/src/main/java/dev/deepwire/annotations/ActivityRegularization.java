package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Passes its input through unchanged and adds penalties on it to the loss (sparse autoencoders): an L1
 * penalty {@code l1 * sum|a|} per example, and a KL sparsity penalty
 * {@code sparsityWeight * sum_j KL(sparsityTarget || mean activation of unit j over the batch)} that drives
 * each unit's mean activation towards {@code sparsityTarget} (activations in (0, 1), e.g. sigmoid). The
 * penalty is reported as {@code sparsity} each epoch.
 *
 * <pre>{@code
 * @Encoder @ActivityRegularization(sparsityTarget = 0.05, sparsityWeight = 0.1) Tensor sparse(Tensor code);
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface ActivityRegularization {
  /** The factor of the L1 penalty; 0 for none. */
  double l1() default 0;

  /** The target mean activation of each unit, in (0, 1); used when {@link #sparsityWeight()} is positive. */
  double sparsityTarget() default 0.05;

  /** The factor of the KL sparsity penalty; 0 for none. */
  double sparsityWeight() default 0;
}
