package dev.deepwire.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.DType;
import dev.deepwire.annotations.Loss;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.layers.Codes;
import dev.deepwire.runtime.layers.Dense;
import dev.deepwire.runtime.layers.LayerScope;
import dev.deepwire.runtime.layers.Sample;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** {@code predictor.encode/decode} on a hand-written VAE shaped like generated code. */
class CodecTest {

  /** 6 → 16 relu → (mu, logVar) 2 → sample → 16 relu → 6 sigmoid, the code marked like generated code. */
  static final class TinyVae implements ModelGraph<TinyVae> {
    private final boolean marked;

    TinyVae(boolean marked) {
      this.marked = marked;
    }

    @Override
    public ModelSignature signature() {
      return ModelSignature.builder("TinyVae").input("x", DType.FLOAT32, 6)
          .output("xHat", Loss.BINARY_CROSSENTROPY, "x", 1.0, 6).build();
    }

    @Override
    public Map<String, Operand<TFloat32>> forward(LayerScope scope, Map<String, Operand<TFloat32>> inputs) {
      Operand<TFloat32> h = Dense.withUnits(16).activation(ActivationFunction.RELU).build()
          .call(scope.child("h"), inputs.get("x"));
      Operand<TFloat32> mu = Dense.withUnits(2).build().call(scope.child("mu"), h);
      Operand<TFloat32> logVar = Dense.withUnits(2).build().call(scope.child("logVar"), h);
      Operand<TFloat32> z = new Sample(1.0).call(scope.child("z"), mu, logVar);
      if (marked) {
        z = Codes.mark(scope, z);
      }
      Operand<TFloat32> d = Dense.withUnits(16).activation(ActivationFunction.RELU).build().call(scope.child("d"), z);
      return Map.of("xHat", Dense.withUnits(6).activation(ActivationFunction.SIGMOID).build()
          .call(scope.child("xHat"), d));
    }
  }

  private static float[][] data(int n) {
    Random random = new Random(9);
    float[][] rows = new float[n][6];
    for (float[] row : rows) {
      float level = random.nextFloat();
      for (int j = 0; j < 6; j++) {
        row[j] = j % 2 == 0 ? level : 1 - level;
      }
    }
    return rows;
  }

  @Test
  void decodingTheCodeGivesThePredictionAndTrainingReportsKl() {
    try (CompiledModel<TinyVae> model = CompiledModel.compile(new TinyVae(true), RuntimeOptions.defaults())) {
      float[][] x = data(300);
      float[] flat = new float[300 * 6];
      for (int i = 0; i < 300; i++) {
        System.arraycopy(x[i], 0, flat, i * 6, 6);
      }
      History history = model.trainer().fit(Dataset.builder().floats("x", flat, 6).build(),
          FitOptions.builder().epochs(2).batchSize(32).build());
      Map<String, Double> last = history.last().train();
      assertTrue(last.containsKey("kl") && last.get("kl") > 0, "kl reported: " + last);
      assertTrue(last.containsKey("xHat_loss"), "reconstruction reported: " + last);
      assertEquals(last.get("loss"), last.get("kl") + last.get("xHat_loss"), 1e-4);

      Predictor<TinyVae> predictor = model.predictor();
      assertEquals(2, predictor.codeSize());
      float[][] codes = predictor.encode(x);
      assertEquals(300, codes.length);
      assertEquals(2, codes[0].length);
      float[][] viaCode = predictor.decode(codes);
      float[][] direct = predictor.predict(x);
      for (int i = 0; i < x.length; i++) {
        assertArrayEquals(direct[i], viaCode[i], 1e-6f, "example " + i);
      }
    }
  }

  @Test
  void aModelWithoutMarksHasNoCode() {
    try (CompiledModel<TinyVae> model = CompiledModel.compile(new TinyVae(false), RuntimeOptions.defaults())) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> model.predictor().encode(data(2)));
      assertTrue(e.getMessage().contains("mark its encoder layers @Encoder"), e.getMessage());
    }
  }
}
