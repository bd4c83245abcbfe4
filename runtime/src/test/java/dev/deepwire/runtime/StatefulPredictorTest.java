package dev.deepwire.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepwire.annotations.DType;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.layers.Dense;
import dev.deepwire.runtime.layers.Embedding;
import dev.deepwire.runtime.layers.GruCell;
import dev.deepwire.runtime.layers.LayerScope;
import dev.deepwire.runtime.layers.LstmCell;
import dev.deepwire.runtime.layers.Masking;
import dev.deepwire.runtime.layers.Recurrent;
import dev.deepwire.runtime.layers.SimpleRnnCell;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class StatefulPredictorTest {

  private static final int TIME = 6;
  private static final int FEATURES = 3;

  /** Masking → LSTM(5) over every step → SimpleRNN(4) → Dense(2): two stacked layers, three carried states. */
  private static final class StackedModel implements ModelGraph<StackedModel> {
    @Override
    public ModelSignature signature() {
      return ModelSignature.builder("Stacked")
          .input("series", DType.FLOAT32, TIME, FEATURES)
          .output("next", Loss.MSE, "next", 1.0, 2)
          .optimizer(OptimizerType.ADAM, 0.05)
          .build();
    }

    @Override
    public Map<String, Operand<TFloat32>> forward(LayerScope scope, Map<String, Operand<TFloat32>> inputs) {
      Operand<TFloat32> masked = new Masking(0).call(scope.child("masked"), inputs.get("series"));
      Operand<TFloat32> lstm = new Recurrent(new LstmCell(5), true, false).call(scope.child("lstm"), masked);
      Operand<TFloat32> rnn = new Recurrent(new SimpleRnnCell(4, dev.deepwire.annotations.ActivationFunction.TANH,
          true)).call(scope.child("rnn"), lstm);
      return Map.of("next", Dense.withUnits(2).build().call(scope.child("next"), rnn));
    }
  }

  private static float[] randomValues(SplittableRandom random, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return out;
  }

  /**
   * After step t the stateful predictor gives what the whole-sequence predictor gives for the first t steps
   * (the sequence left-padded with masked zero steps), with the trained weights, and again after reset().
   */
  @Test
  void stepByStepEqualsTheWholePrefix() {
    SplittableRandom random = new SplittableRandom(3);
    try (CompiledModel<StackedModel> model = CompiledModel.compile(new StackedModel(), new RuntimeOptions(5, 2, 1))) {
      Dataset data = Dataset.builder().floats("series", randomValues(random, 64 * TIME * FEATURES), TIME, FEATURES)
          .floats("next", randomValues(random, 64 * 2), 2).build();
      model.trainer().fit(data, FitOptions.builder().epochs(2).batchSize(16).progressBar(false).build());
      float[] sequence = randomValues(random, TIME * FEATURES);
      try (StatefulPredictor<StackedModel> stateful = model.predictor().stateful()) {
        for (int round = 0; round < 2; round++) {
          for (int t = 1; t <= TIME; t++) {
            float[] stepOutput = stateful.step(Arrays.copyOfRange(sequence, (t - 1) * FEATURES, t * FEATURES));
            float[] prefix = new float[TIME * FEATURES];
            System.arraycopy(sequence, 0, prefix, (TIME - t) * FEATURES, t * FEATURES);
            assertArrayEquals(model.predictor().predict(prefix), stepOutput, 1e-5f, "round " + round + " step " + t);
          }
          stateful.reset();
        }
        var wrong = assertThrows(IllegalArgumentException.class, () -> stateful.step(new float[] {1f}));
        assertEquals("one step of input 'series' takes 3 values (shape [6, 3] without its time axis), got 1",
            wrong.getMessage());
      }
    }
  }

  /** Token ids [5] → Embedding(maskZero) → GRU(4) → softmax over 7: int inputs, one state. */
  private static final class TokenModel implements ModelGraph<TokenModel> {
    @Override
    public ModelSignature signature() {
      return ModelSignature.builder("Tokens")
          .input("ids", DType.INT32, 5)
          .output("next", Loss.SPARSE_CATEGORICAL_CROSSENTROPY, "next", 1.0, 7)
          .optimizer(OptimizerType.ADAM, 0.01)
          .build();
    }

    @Override
    public Map<String, Operand<TFloat32>> forward(LayerScope scope, Map<String, Operand<TFloat32>> inputs) {
      Operand<TFloat32> vectors = new Embedding(7, 3, true).call(scope.child("vectors"), inputs.get("ids"));
      Operand<TFloat32> state = new Recurrent(new GruCell(4)).call(scope.child("state"), vectors);
      return Map.of("next", Dense.withUnits(7).activation(dev.deepwire.annotations.ActivationFunction.SOFTMAX)
          .build().call(scope.child("next"), state));
    }
  }

  @Test
  void tokenIdsStepByStepEqualTheMaskedPrefix() {
    float[] ids = {3, 6, 1, 1, 5};
    try (CompiledModel<TokenModel> model = CompiledModel.compile(new TokenModel(), new RuntimeOptions(8, 2, 1));
         StatefulPredictor<TokenModel> stateful = model.predictor().stateful()) {
      for (int t = 1; t <= ids.length; t++) {
        float[] stepOutput = stateful.step(new float[] {ids[t - 1]});
        float[] prefix = new float[ids.length];
        System.arraycopy(ids, 0, prefix, ids.length - t, t);
        assertArrayEquals(model.predictor().predict(prefix), stepOutput, 1e-6f, "step " + t);
      }
    }
  }
}
