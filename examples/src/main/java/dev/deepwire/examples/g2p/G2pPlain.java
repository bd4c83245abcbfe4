package dev.deepwire.examples.g2p;

import dev.deepwire.annotations.AttentionScore;
import dev.deepwire.annotations.Bidirectional;
import dev.deepwire.annotations.Embedding;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.LSTM;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.SequenceDecoder;
import dev.deepwire.annotations.Tensor;

/**
 * Grapheme to phoneme without attention (seq → vec → seq): the same encoder keeps only its final states, one
 * vector per word, from which the decoder must produce every phoneme.
 */
@Model(loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
    optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 3e-3, clipNorm = 5), metrics = Metric.ACCURACY)
public interface G2pPlain {
  @Input(shape = G2pData.LETTERS) Tensor letters();

  @Embedding(vocabulary = G2pData.LETTER_IDS, dimension = 32, maskZero = true)
  Tensor letterVectors(Tensor letters);

  @Bidirectional @LSTM(units = 64) Tensor word(Tensor letterVectors);

  /** The phonemes shifted right behind BOS (teacher forcing). */
  @Input(shape = G2pData.PHONEMES) Tensor previousPhonemes();

  @Output @SequenceDecoder(vocabulary = G2pData.PHONEME_IDS, embedding = 32, units = 128,
      attention = AttentionScore.NONE)
  Tensor phonemes(Tensor word, Tensor previousPhonemes);
}
