package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A layer of capsules fed by dynamic routing by agreement (Sabour, Frosst and Hinton, 2017): every input
 * capsule predicts every output capsule through its own matrix, and {@code routing} iterations send each
 * prediction to the outputs it agrees with. Routing is unrolled when the graph is built.
 *
 * <p>Input shape: {@code [batch, inCapsules, inDimension]}. Output shape: {@code [batch, count, dimension]},
 * squashed: lengths below 1 (with {@link CapsuleLength}, class scores). Weights: {@code [inCapsules, inDimension,
 * count * dimension]}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Capsules {
  /** Output capsules (e.g. one per class); must be positive. */
  int count();

  /** Values per output capsule; must be at least 2. */
  int dimension();

  /** Routing iterations; must be at least 1 (1 means plain averaging of the predictions). */
  int routing() default 3;
}
