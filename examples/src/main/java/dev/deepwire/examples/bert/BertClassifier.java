package dev.deepwire.examples.bert;

import static dev.deepwire.annotations.ActivationFunction.SIGMOID;

import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Dropout;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.PoolTokens;
import dev.deepwire.annotations.Tensor;

/**
 * Fine-tuning: {@link BertEncoder} (its weights loaded from a {@link BertPretrain} checkpoint, or fresh), the
 * vector of the {@code [CLS]} token, and a sigmoid classifying a mail as spam.
 */
@Model(loss = Loss.BINARY_CROSSENTROPY, optimizer = @Optimizer(value = OptimizerType.ADAMW, learningRate = 5e-4),
    metrics = Metric.ACCURACY)
public interface BertClassifier {
  @Input(shape = MlmCorpus.LENGTH) Tensor tokens();

  BertEncoder encoded(Tensor tokens);

  @PoolTokens(PoolTokens.Mode.FIRST) Tensor first(Tensor encoded);

  @Dropout(0.1) Tensor dropped(Tensor first);

  @Output @Dense(units = 1, activation = SIGMOID) Tensor spam(Tensor dropped);
}
