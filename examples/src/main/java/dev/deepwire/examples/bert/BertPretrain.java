package dev.deepwire.examples.bert;

import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.MaskedLmHead;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Tensor;

/**
 * Masked-language-model pre-training of {@link BertEncoder}: the corrupted tokens go through the encoder, and a
 * head whose output projection is the encoder's own embedding table predicts the original word at the chosen
 * {@code positions} (15 % of the words; {@code weights} is 0 for unused slots). Loss and accuracy count those only.
 */
@Model(loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
    optimizer = @Optimizer(value = OptimizerType.ADAMW, learningRate = 1e-3), metrics = Metric.ACCURACY)
public interface BertPretrain {
  @Input(shape = MlmCorpus.LENGTH) Tensor tokens();

  @Input(shape = MlmCorpus.SLOTS) Tensor positions();

  @Input(shape = MlmCorpus.SLOTS) Tensor weights();

  BertEncoder encoded(Tensor tokens);

  @Output @MaskedLmHead(tiedTo = "encoded.vectors")
  Tensor predicted(Tensor encoded, Tensor positions, Tensor weights);
}
