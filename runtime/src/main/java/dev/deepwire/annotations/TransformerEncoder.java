package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A stack of transformer encoder blocks (BERT): multi-head self-attention and a position-wise feed-forward
 * network, each with dropout, a residual connection and layer normalisation (after the residual, or before the
 * sub-layer with {@code preNorm}). Input {@code [batch, time, d]} with {@code d} a multiple of {@code heads};
 * output the same shape. Padding recorded on the input is kept out of every attention.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface TransformerEncoder {
  /** Blocks stacked; must be positive. */
  int layers() default 1;

  /** Attention heads per block; must divide the model width. */
  int heads();

  /** The feed-forward network's hidden width; must be positive. */
  int feedForward();

  /** Dropout after attention and inside and after the feed-forward network, in [0, 1). */
  double dropout() default 0.1;

  /** Normalise before each sub-layer (stabler for deep stacks) instead of after the residual (BERT). */
  boolean preNorm() default false;

  /** The feed-forward activation. */
  ActivationFunction activation() default ActivationFunction.GELU;

  /** The layer norms' epsilon; must be positive. */
  double epsilon() default 1e-6;
}
