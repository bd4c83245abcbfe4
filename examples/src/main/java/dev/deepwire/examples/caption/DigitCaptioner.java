package dev.deepwire.examples.caption;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.AttentionScore;
import dev.deepwire.annotations.Conv;
import dev.deepwire.annotations.DecoderCell;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Flatten;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.MaxPool;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Optimizer;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Padding;
import dev.deepwire.annotations.SequenceDecoder;
import dev.deepwire.annotations.Tensor;

/**
 * Vector to sequence: a small CNN reads a strip of digits into one 128-wide code vector, from which a GRU
 * decoder spells the digits as words ({@code [8, 32, 1] -> [4, 16, 16] -> [2, 8, 32] -> 128 -> words}).
 */
@Model(loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
    optimizer = @Optimizer(value = OptimizerType.ADAM, learningRate = 2e-3), metrics = Metric.ACCURACY)
public interface DigitCaptioner {
  @Input(shape = {8, DigitStrips.WIDTH, 1}) Tensor strip();

  @Conv(filters = 16, kernel = 3, padding = Padding.SAME, activation = ActivationFunction.RELU)
  Tensor edges(Tensor strip);

  @MaxPool(2) Tensor edgesPooled(Tensor edges);

  @Conv(filters = 32, kernel = 3, padding = Padding.SAME, activation = ActivationFunction.RELU)
  Tensor strokes(Tensor edgesPooled);

  @MaxPool(2) Tensor strokesPooled(Tensor strokes);

  @Flatten Tensor features(Tensor strokesPooled);

  @Dense(units = 128, activation = ActivationFunction.RELU) Tensor code(Tensor features);

  /** The words shifted right behind BOS (teacher forcing). */
  @Input(shape = DigitStrips.WORDS) Tensor previousWords();

  @Output @SequenceDecoder(vocabulary = DigitStrips.WORD_IDS, embedding = 16, units = 128, cell = DecoderCell.GRU,
      attention = AttentionScore.NONE)
  Tensor words(Tensor code, Tensor previousWords);
}
