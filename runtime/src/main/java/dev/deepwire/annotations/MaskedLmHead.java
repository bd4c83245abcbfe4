package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A masked-language-model output: a dense GELU transform and a layer norm per position, then a softmax over the
 * vocabulary whose projection is the token-embedding table named by {@link #tiedTo} (one variable for both, as
 * in BERT).
 *
 * <p>Three inputs, as BERT feeds them: the encoded sequence {@code [batch, time, d]}, the positions chosen for
 * prediction {@code [batch, slots]} and their loss weights {@code [batch, slots]} (1 for a used slot, 0 for an
 * unused one); {@code TokenMasker} makes all three. Output shape {@code [batch, slots, vocabulary]}; train it
 * with {@code SPARSE_CATEGORICAL_CROSSENTROPY} on {@code [batch, slots]} token-id targets: only used slots count
 * in the loss and the accuracy.
 *
 * <pre>{@code
 * BertEncoder encoded(Tensor tokens);
 * @Output @MaskedLmHead(tiedTo = "encoded.vectors")
 * Tensor predicted(Tensor encoded, Tensor positions, Tensor weights);
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface MaskedLmHead {
  /**
   * The {@code @Embedding} whose table projects to the vocabulary: a layer of this model ({@code "vectors"}) or,
   * through a sub-model member, a layer of that sub-model ({@code "encoded.vectors"}). Its dimension must equal
   * the encoded width.
   */
  String tiedTo();

  /** The transform's layer-norm epsilon; must be positive. */
  double epsilon() default 1e-6;
}
