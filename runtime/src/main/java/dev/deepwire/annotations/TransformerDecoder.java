package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A transformer decoder that generates a token sequence from encoder outputs: pre-norm blocks of causal
 * self-attention over the tokens so far, attention over the encoder outputs and a GELU feed-forward network
 * (Vaswani et al. 2017), with sinusoidal positions and a final layer norm.
 *
 * <p>Graph form, two parameters, as for {@link SequenceDecoder}: the encoder outputs {@code [batch, time, key]}
 * (a mask recorded on them, e.g. by {@code @Embedding(maskZero = true)}, hides padding) and the decoder's
 * input tokens {@code [batch, length]} — the targets shifted right behind {@code BOS}. Output
 * {@code [batch, length, vocabulary]}, trained with {@code SPARSE_CATEGORICAL_CROSSENTROPY}; padded target
 * positions count neither in the loss nor in accuracy. Training reads every position at once; a trained model
 * generates with greedy or beam search through {@code dev.deepwire.runtime.sequence.SequenceGenerator}, at most
 * {@code length} tokens.
 *
 * <pre>{@code
 * @TransformerEncoder(layers = 2, heads = 4, feedForward = 256) Tensor encoded(Tensor positioned);
 * @Input(shape = 20) Tensor previousPhonemes();
 * @Output @TransformerDecoder(vocabulary = 43, units = 128, heads = 4)
 * Tensor phonemes(Tensor encoded, Tensor previousPhonemes);
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface TransformerDecoder {
  /** Output token ids, the four specials (PAD, BOS, EOS, UNK) included; must be at least 5. */
  int vocabulary();

  /** The model width: token embedding, attention and block outputs; a multiple of {@link #heads()}. */
  int units() default 128;

  /** The number of decoder blocks. */
  int layers() default 2;

  /** Attention heads in each block. */
  int heads() default 4;

  /** The feed-forward hidden width; 0 means 4 × {@link #units()}. */
  int feedForward() default 0;

  /** Dropout after each sub-layer and on attention weights while training. */
  double dropout() default 0.1;
}
