package dev.deepwire.examples.seq2vec;

import static dev.deepwire.annotations.ActivationFunction.SIGMOID;

import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Embedding;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.PoolTokens;
import dev.deepwire.annotations.PositionalEmbedding;
import dev.deepwire.annotations.Tensor;
import dev.deepwire.annotations.TransformerEncoder;

/**
 * A BERT-style encoder trained from scratch: 80 token ids, embedded with learned positions, two transformer
 * blocks (4 heads, padding masked), the mean over the real tokens, and a sigmoid.
 */
@Model(loss = Loss.BINARY_CROSSENTROPY, optimizer = @Optimizer(value = OptimizerType.ADAMW, learningRate = 1e-3),
    metrics = Metric.ACCURACY)
public interface SpamTransformer {
  @Input(shape = SpamMails.LENGTH) Tensor tokens();

  @Embedding(vocabulary = SpamMails.VOCABULARY, dimension = 64, maskZero = true) Tensor vectors(Tensor tokens);

  @PositionalEmbedding Tensor placed(Tensor vectors);

  @TransformerEncoder(layers = 2, heads = 4, feedForward = 128) Tensor encoded(Tensor placed);

  @PoolTokens(PoolTokens.Mode.MEAN) Tensor pooled(Tensor encoded);

  @Output @Dense(units = 1, activation = SIGMOID) Tensor spam(Tensor pooled);
}
