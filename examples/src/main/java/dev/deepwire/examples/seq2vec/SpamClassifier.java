package dev.deepwire.examples.seq2vec;

import static dev.deepwire.annotations.ActivationFunction.SIGMOID;

import dev.deepwire.annotations.Bidirectional;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Embedding;
import dev.deepwire.annotations.GRU;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/**
 * Sequence to vector: 80 token ids, embedded (padding masked), read by a GRU whose last state is classified as
 * spam or ham.
 */
@Model(loss = Loss.BINARY_CROSSENTROPY, optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 3e-3),
    metrics = Metric.ACCURACY)
public class SpamClassifier {
  @Input(shape = SpamMails.LENGTH) Tensor tokens;
  @Embedding(vocabulary = SpamMails.VOCABULARY, dimension = 32, maskZero = true) Tensor vectors;
  @Bidirectional @GRU(units = 16) Tensor state;
  @Output @Dense(units = 1, activation = SIGMOID) Tensor spam;
}
