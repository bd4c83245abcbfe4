package dev.deepwire.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.data.Dataset;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run interrupted anywhere (exception or SIGKILL) and resumed ends with the uninterrupted run's weights. */
class ResumeTest {

  static final RuntimeOptions OPTIONS = new RuntimeOptions(21, 2, 1);
  private static final int EPOCHS = 3;

  static Dataset data() {
    return TwoBlobsModel.blobs(160, 8); // 5 steps of 32 per epoch
  }

  static FitOptions.Builder fit(Path dir, int epochs) {
    return FitOptions.builder().epochs(epochs).batchSize(32).progressBar(false)
        .learningRate(LearningRateSchedule.cosineDecay(0.2)).checkpointDir(dir).backupEverySteps(1);
  }

  /** The weights after an uninterrupted run, with the same seed and options. */
  private static Checkpoints.Snapshot uninterrupted(Path dir) {
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      model.trainer().fit(data(), fit(dir, EPOCHS).build());
      return Checkpoints.capture(model, Map.of());
    }
  }

  private static void assertSameWeights(Checkpoints.Snapshot expected, Checkpoints.Snapshot actual) {
    assertEquals(expected.values().keySet(), actual.values().keySet());
    expected.values().forEach((name, values) ->
        assertArrayEquals(values, actual.values().get(name), 0f, "variable " + name));
  }

  @Test
  void resumingAfterAnExceptionMidEpochGivesTheUninterruptedWeights(@TempDir Path a, @TempDir Path b) {
    Checkpoints.Snapshot expected = uninterrupted(a);
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      TrainingCallback crash = new TrainingCallback() {
        @Override
        public void onBatchEnd(TrainingContext context, long step, Map<String, Double> logs) {
          if (step == 7) {
            throw new IllegalStateException("simulated crash");
          }
        }
      };
      assertThrows(IllegalStateException.class, () -> model.trainer().fit(data(), fit(b, EPOCHS).callback(crash).build()));
    }
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      History rest = model.trainer().fit(data(), fit(b, EPOCHS).build());
      assertEquals(List.of(2, 3), rest.epochs().stream().map(EpochResult::epoch).toList(), "epoch 2 resumes mid-way");
      assertSameWeights(expected, Checkpoints.capture(model, Map.of()));
    }
  }

  @Test
  void aProcessKilledWithSigkillResumesToTheSameWeights(@TempDir Path a, @TempDir Path b) throws Exception {
    Checkpoints.Snapshot expected = uninterrupted(a);
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ResumeChild.class.getName(), b.toString(),
        Integer.toString(EPOCHS), "200")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("step 8")) {
        // wait until it is in its second epoch
      }
      assertEquals("step 8", line, "the child trained");
    }
    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertTrue(child.exitValue() != 0, "killed, not finished");

    Path backup = b.resolve(Trainer.LAST_CHECKPOINT);
    Checkpoints.Snapshot atKill = Checkpoints.read(backup); // complete and checksummed, never half-written
    assertEquals("2", atKill.metadata().get("next_epoch"));

    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      model.trainer().fit(data(), fit(b, EPOCHS).build());
      assertSameWeights(expected, Checkpoints.capture(model, Map.of()));
    }
    try (var files = Files.list(b)) {
      assertEquals(List.of(Trainer.LAST_CHECKPOINT), files.map(p -> p.getFileName().toString()).toList(),
          "no temp file left behind");
    }
  }
}
