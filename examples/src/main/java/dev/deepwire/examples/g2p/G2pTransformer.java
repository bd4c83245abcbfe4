package dev.deepwire.examples.g2p;

import dev.deepwire.annotations.Embedding;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.PositionalEmbedding;
import dev.deepwire.annotations.Tensor;
import dev.deepwire.annotations.TransformerDecoder;
import dev.deepwire.annotations.TransformerEncoder;

/**
 * Grapheme to phoneme with a transformer encoder-decoder: letters, embedded (padding masked) with learned
 * positions, read by two self-attention blocks; a two-block transformer decoder attends to them while it emits
 * phonemes.
 */
@Model(loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
    optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 2e-3, clipNorm = 5), metrics = Metric.ACCURACY)
public interface G2pTransformer {
  @Input(shape = G2pData.LETTERS) Tensor letters();

  @Embedding(vocabulary = G2pData.LETTER_IDS, dimension = 96, maskZero = true)
  Tensor letterVectors(Tensor letters);

  @PositionalEmbedding Tensor placed(Tensor letterVectors);

  @TransformerEncoder(layers = 2, heads = 4, feedForward = 256, preNorm = true) Tensor encoded(Tensor placed);

  /** The phonemes shifted right behind BOS (teacher forcing). */
  @Input(shape = G2pData.PHONEMES) Tensor previousPhonemes();

  @Output @TransformerDecoder(vocabulary = G2pData.PHONEME_IDS, units = 96, layers = 2, heads = 4, feedForward = 256)
  Tensor phonemes(Tensor encoded, Tensor previousPhonemes);
}
