package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Multi-head scaled dot-product attention. With one parameter it is self-attention over that sequence; with
 * two ({@code query, memory}) the query attends over the memory. Input {@code [batch, time, d]}; output the
 * query's shape. Padding recorded on the memory (an {@code @Embedding(maskZero = true)}) gets zero weight;
 * {@code causal} lets position {@code i} see positions {@code <= i} only (decoders).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface MultiHeadAttention {
  /** Attention heads; must be positive. */
  int heads();

  /** Each head's query/key/value width; must be positive. */
  int keyDim();

  /** Dropout on the attention weights while training, in [0, 1). */
  double dropout() default 0;

  /** Whether each position sees only itself and earlier positions. */
  boolean causal() default false;
}
