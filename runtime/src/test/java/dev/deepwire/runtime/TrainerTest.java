package dev.deepwire.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

  private static final RuntimeOptions OPTIONS = new RuntimeOptions(7, 2, 1);

  @Test
  void learnsTwoBlobsAndReportsDecreasingLoss() {
    Dataset train = TwoBlobsModel.blobs(400, 1);
    Dataset test = TwoBlobsModel.blobs(200, 2);
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      double before = model.evaluator().evaluate(test).get("accuracy");
      History history = model.trainer().fit(train,
          FitOptions.builder().epochs(5).batchSize(32).progressBar(false).validationData(test).build());
      Map<String, Double> after = model.evaluator().evaluate(test);

      assertEquals(5, history.epochs().size());
      double[] loss = history.series("loss");
      assertTrue(loss[4] < loss[0], "loss should fall: " + java.util.Arrays.toString(loss));
      assertTrue(after.get("accuracy") > 0.95, "test accuracy " + after + " (before " + before + ")");
      assertEquals(after.get("accuracy"), history.last().validation().get("accuracy"), 1e-9);
    }
  }

  @Test
  void sameSeedGivesSameTraining() {
    Dataset train = TwoBlobsModel.blobs(200, 3);
    double[] first;
    double[] second;
    FitOptions fit = FitOptions.builder().epochs(2).batchSize(16).progressBar(false).build();
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      first = model.trainer().fit(train, fit).series("loss");
    }
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      second = model.trainer().fit(train, fit).series("loss");
    }
    assertArrayEquals(first, second, 1e-6);
  }

  @Test
  void checkpointRestoresPredictionsExactly(@TempDir Path dir) throws Exception {
    Dataset train = TwoBlobsModel.blobs(200, 4);
    float[][] probe = {{0.3f, -0.2f}, {1f, 1f}, {-2f, 0.5f}};
    Path file = dir.resolve("model.dwckpt");
    float[][] trained;
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      model.trainer().fit(train, FitOptions.builder().epochs(2).progressBar(false).build());
      trained = model.predictor().predict(probe);
      Checkpoints.save(model, file, 2);
    }
    try (CompiledModel<TwoBlobsModel> fresh =
        CompiledModel.compile(new TwoBlobsModel(), OPTIONS.withSeed(99))) {
      float[][] untrained = fresh.predictor().predict(probe);
      assertTrue(Math.abs(untrained[0][0] - trained[0][0]) > 1e-4, "a fresh seed should differ");
      assertEquals(2, Checkpoints.restore(fresh, file));
      float[][] restored = fresh.predictor().predict(probe);
      for (int i = 0; i < probe.length; i++) {
        assertArrayEquals(trained[i], restored[i], 0f);
      }
    }
    assertTrue(Files.list(dir).allMatch(p -> p.getFileName().toString().equals("model.dwckpt")),
        "no temp file left behind");
  }

  @Test
  void resumesFromCheckpointDirAfterInterruption(@TempDir Path dir) {
    Dataset train = TwoBlobsModel.blobs(200, 5);
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      model.trainer().fit(train,
          FitOptions.builder().epochs(2).progressBar(false).checkpointDir(dir).build());
    }
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      History rest = model.trainer().fit(train,
          FitOptions.builder().epochs(4).progressBar(false).checkpointDir(dir).build());
      assertEquals(2, rest.epochs().size(), "epochs 3 and 4 only");
      assertEquals(3, rest.epochs().get(0).epoch());
    }
  }

  @Test
  void corruptCheckpointIsRejectedWithTheFileName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("c.dwckpt");
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      Checkpoints.save(model, file, 1);
      byte[] bytes = Files.readAllBytes(file);
      bytes[bytes.length / 2] ^= 0x55;
      Files.write(file, bytes);
      var e = assertThrows(java.io.IOException.class, () -> Checkpoints.restore(model, file));
      assertEquals(file + ": checkpoint is corrupt (checksum mismatch)", e.getMessage());
    }
  }

  @Test
  void wrongColumnShapeIsAClearError() {
    Dataset bad = Dataset.builder().floats("point", new float[6], 3).ints("label", new int[2]).build();
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> model.trainer().fit(bad, FitOptions.builder().epochs(1).progressBar(false).build()));
      assertEquals("column 'point' has examples of shape [3] (3 values) but the model expects [2] (2 values)",
          e.getMessage());
    }
  }
}
