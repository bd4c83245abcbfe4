package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds position vectors to a sequence {@code [batch, time, features]} (attention alone ignores order):
 * {@link Kind#SINUSOIDAL} (fixed, Vaswani et al.) or {@link Kind#LEARNED} (a trained table, BERT). A padding
 * mask on the input is kept.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface PositionalEmbedding {
  /** Where the position vectors come from. */
  enum Kind {
    LEARNED,
    SINUSOIDAL
  }

  /** Learned (default) or sinusoidal. */
  Kind value() default Kind.LEARNED;
}
