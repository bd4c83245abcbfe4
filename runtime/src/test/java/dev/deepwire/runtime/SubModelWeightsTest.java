package dev.deepwire.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.DType;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.runtime.layers.Dense;
import dev.deepwire.runtime.layers.LayerScope;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class SubModelWeightsTest {

  static final RuntimeOptions OPTIONS = new RuntimeOptions(21, 2, 1);

  /**
   * Hand-written graphs shaped like generated ones: a sub-model scope {@code encoder} (one dense layer of
   * {@code width}) and a head of this model's own.
   */
  record TwoPart(String name, String encoderScope, int width, String head, int headUnits, Loss loss)
      implements ModelGraph<TwoPart> {

    @Override
    public ModelSignature signature() {
      return ModelSignature.builder(name)
          .input("x", DType.FLOAT32, 3)
          .output("y", loss, "y", 1.0, headUnits)
          .optimizer(OptimizerType.ADAM, 0.01)
          .build();
    }

    @Override
    public Map<String, Operand<TFloat32>> forward(LayerScope scope, Map<String, Operand<TFloat32>> inputs) {
      Operand<TFloat32> code = Dense.withUnits(width).activation(ActivationFunction.TANH).build()
          .call(scope.child(encoderScope).child("hidden"), inputs.get("x"));
      ActivationFunction out = loss == Loss.BINARY_CROSSENTROPY ? ActivationFunction.SIGMOID
          : ActivationFunction.SOFTMAX;
      return Map.of("y", Dense.withUnits(headUnits).activation(out).build().call(scope.child(head), code));
    }
  }

  static TwoPart pretraining() {
    return new TwoPart("Pretraining", "encoder", 4, "guess", 5, Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
  }

  static TwoPart fineTuning(int width) {
    return new TwoPart("FineTuning", "encoder", width, "label", 1, Loss.BINARY_CROSSENTROPY);
  }

  private static Path pretrainedCheckpoint(Path dir) throws IOException {
    Path file = dir.resolve("pre.dwckpt");
    try (CompiledModel<TwoPart> pre = CompiledModel.compile(pretraining(), OPTIONS.withSeed(1))) {
      Checkpoints.save(pre, file, 3);
    }
    return file;
  }

  @Test
  void restoresTheSubModelsWeightsOnlyAndLeavesTheHead(@TempDir Path dir) throws IOException {
    Path file = pretrainedCheckpoint(dir);
    Map<String, float[]> saved = Checkpoints.read(file).values();
    try (CompiledModel<TwoPart> fine = CompiledModel.compile(fineTuning(4), OPTIONS.withSeed(2))) {
      Map<String, float[]> before = Checkpoints.capture(fine, Map.of()).values();
      assertFalse(java.util.Arrays.equals(saved.get("encoder.hidden.kernel"), before.get("encoder.hidden.kernel")),
          "other seeds start from other weights");
      List<String> restored = SubModelWeights.restore(fine, file, "encoder");
      assertEquals(List.of("encoder.hidden.kernel", "encoder.hidden.bias"), restored);
      Map<String, float[]> after = Checkpoints.capture(fine, Map.of()).values();
      assertArrayEquals(saved.get("encoder.hidden.kernel"), after.get("encoder.hidden.kernel"));
      assertArrayEquals(saved.get("encoder.hidden.bias"), after.get("encoder.hidden.bias"));
      assertArrayEquals(before.get("label.kernel"), after.get("label.kernel"), "the new head is untouched");
      assertArrayEquals(before.get("encoder.hidden.kernel-m"), after.get("encoder.hidden.kernel-m"),
          "optimizer slots are not restored");
    }
  }

  @Test
  void namesTheWeightsWhoseShapesDiffer(@TempDir Path dir) throws IOException {
    Path file = pretrainedCheckpoint(dir);
    try (CompiledModel<TwoPart> fine = CompiledModel.compile(fineTuning(6), OPTIONS)) {
      IOException e = assertThrows(IOException.class, () -> SubModelWeights.restore(fine, file, "encoder"));
      assertEquals(file + " (model 'Pretraining') cannot fill sub-model 'encoder' of 'FineTuning': "
          + "'encoder.hidden.kernel' has shape [3, 4], expected [3, 6]; "
          + "'encoder.hidden.bias' has shape [4], expected [6]", e.getMessage());
    }
  }

  @Test
  void namesTheMissingWeightsAndAnUnknownScope(@TempDir Path dir) throws IOException {
    Path file = pretrainedCheckpoint(dir);
    TwoPart other = new TwoPart("Other", "tower", 4, "label", 1, Loss.BINARY_CROSSENTROPY);
    try (CompiledModel<TwoPart> fine = CompiledModel.compile(other, OPTIONS)) {
      IOException missing = assertThrows(IOException.class, () -> SubModelWeights.restore(fine, file, "tower"));
      assertTrue(missing.getMessage().endsWith("'tower.hidden.kernel' is missing; 'tower.hidden.bias' is missing"),
          missing.getMessage());
      IOException none = assertThrows(IOException.class, () -> SubModelWeights.restore(fine, file, "encoder"));
      assertEquals("model 'Other' has no weights under 'encoder': name the sub-model's scope, its class name with a"
          + " lower-case first letter", none.getMessage());
    }
  }
}
