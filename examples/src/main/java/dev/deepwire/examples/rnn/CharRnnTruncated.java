package dev.deepwire.examples.rnn;

import static dev.deepwire.annotations.ActivationFunction.SOFTMAX;

import dev.deepwire.annotations.DType;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Embedding;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.SimpleRNN;
import dev.deepwire.annotations.Tensor;

/**
 * {@link CharRnn} trained with truncated BPTT: gradients flow back through the last {@value #TRUNCATE} steps only
 * (the 40 steps are cut into chunks of 8), the forward pass still reads all 40 characters.
 */
@Model(loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
    optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 3e-3, clipNorm = 5.0), metrics = Metric.ACCURACY)
public class CharRnnTruncated {
  /** Steps of back-propagation. */
  public static final int TRUNCATE = 8;

  @Input(shape = MobyDickChars.CONTEXT, dtype = DType.INT32) Tensor chars;
  @Embedding(vocabulary = MobyDickChars.VOCABULARY, dimension = 24) Tensor vectors;
  @SimpleRNN(units = 192, truncate = TRUNCATE) Tensor state;
  @Output @Dense(units = MobyDickChars.VOCABULARY, activation = SOFTMAX) Tensor next;
}
