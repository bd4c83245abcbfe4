package dev.deepwire.runtime;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.diagnostics.NativeLeaks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

/** Predicting, evaluating, training and checkpointing close every native object they open. */
class NativeLeaksTest {

  private static final RuntimeOptions OPTIONS = new RuntimeOptions(5, 1, 1);

  @Test
  void theCheckCatchesAnUnclosedTensor() {
    List<TFloat32> kept = new ArrayList<>();
    try {
      AssertionError e = assertThrows(AssertionError.class,
          () -> NativeLeaks.assertNoLeak("leaky code", 10, () -> kept.add(TFloat32.scalarOf(1f))));
      assertTrue(e.getMessage().startsWith("leaky code left 10 native objects open over 10 runs (1.00 a run)"),
          e.getMessage());
    } finally {
      kept.forEach(TFloat32::close);
    }
  }

  @Test
  void predictingTrainingAndCheckpointingLeakNothing() throws Exception {
    Dataset data = TwoBlobsModel.blobs(256, 3);
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      float[][] examples = {{0.5f, -0.5f}, {1f, 1f}, {-1f, 0f}};
      NativeLeaks.assertNoLeak("predict", 200, () -> model.predictor().predict(examples));
      NativeLeaks.assertNoLeak("predict by name", 100,
          () -> model.predictor().predict(Map.of("point", examples)));
      NativeLeaks.assertNoLeak("a failing predict", 50, () -> assertThrows(IllegalArgumentException.class,
          () -> model.predictor().predict(new float[][] {{1f, 2f, 3f}})));
      NativeLeaks.assertNoLeak("fit", 3,
          () -> model.trainer().fit(data, FitOptions.builder().epochs(1).batchSize(32).build()));
      NativeLeaks.assertNoLeak("evaluate", 5, () -> model.evaluator().evaluate(data));
      java.nio.file.Path file = java.nio.file.Files.createTempFile("leaks", ".dwckpt");
      try {
        NativeLeaks.assertNoLeak("checkpoint save and restore", 5, () -> {
          Checkpoints.save(model, file, 1);
          Checkpoints.restore(model, file);
        });
      } finally {
        java.nio.file.Files.deleteIfExists(file);
      }
    }
  }

  @Test
  void closingAModelFreesItsNativeObjects() throws Exception {
    NativeLeaks.assertNoLeak("compile and close", 3, () -> CompiledModel.compile(new TwoBlobsModel(), OPTIONS).close());
  }
}
