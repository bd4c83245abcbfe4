package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A recurrent decoder that generates a token sequence from an encoding: seq2seq (with attention over the
 * encoder's outputs), encoder-decoder (seq → vec → seq) and vec2seq (captioning).
 *
 * <p>Graph form, two parameters: the encoding — {@code [batch, time, key]} encoder outputs (attention reads
 * them; a mask recorded on them, e.g. by {@code @Embedding(maskZero = true)}, hides padding) or a
 * {@code [batch, key]} code vector (then {@code attention = NONE}) — and the decoder's input tokens
 * {@code [batch, length]}, which are the targets shifted right behind {@code BOS} (teacher forcing: see
 * {@code dev.deepwire.runtime.sequence.TeacherForcing}). Output {@code [batch, length, vocabulary]}: the
 * next-token probabilities at every step, trained with {@code SPARSE_CATEGORICAL_CROSSENTROPY} against the
 * targets {@code [batch, length]}; padded target positions (id 0) count neither in the loss nor in accuracy.
 *
 * <p>The layer also builds a one-step graph sharing its weights, so a trained model generates token by token
 * with greedy or beam search ({@code dev.deepwire.runtime.sequence.SequenceGenerator}).
 *
 * <pre>{@code
 * @Input(shape = 24) Tensor previousPhonemes();
 * @Output @SequenceDecoder(vocabulary = 43, units = 256, attention = AttentionScore.ADDITIVE)
 * Tensor phonemes(Tensor encoded, Tensor previousPhonemes);
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface SequenceDecoder {
  /** Output token ids, the four specials (PAD, BOS, EOS, UNK) included; must be at least 5. */
  int vocabulary();

  /** The width of the decoder's token embedding. */
  int embedding() default 64;

  /** The decoder cell's width. */
  int units() default 128;

  /** The recurrent cell. */
  DecoderCell cell() default DecoderCell.LSTM;

  /** The attention over a sequence encoding; must be NONE for a vector encoding. */
  AttentionScore attention() default AttentionScore.ADDITIVE;

  /** The hidden width of additive attention; 0 means {@link #units()}. */
  int attentionUnits() default 0;
}
