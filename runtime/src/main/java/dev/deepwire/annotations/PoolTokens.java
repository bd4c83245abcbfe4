package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pools a sequence {@code [batch, time, d]} into one vector {@code [batch, d]}: {@link Mode#FIRST} takes the
 * first token (BERT's {@code [CLS]}), {@link Mode#MEAN} averages the real tokens (padding recorded on the input
 * is left out).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface PoolTokens {
  /** How the tokens are pooled. */
  enum Mode {
    FIRST,
    MEAN
  }

  /** First token or mean over real tokens. */
  Mode value() default Mode.MEAN;
}
