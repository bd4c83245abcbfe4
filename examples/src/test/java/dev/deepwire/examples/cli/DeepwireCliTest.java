package dev.deepwire.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepwire.examples.Example;
import dev.deepwire.examples.Examples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract on bundled data: JSON reports, accuracy thresholds, saved models, clear errors. */
class DeepwireCliTest {

  @Test
  void listsEveryExample() {
    CliRun run = CliRun.of("list");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("dnn ") && run.out().contains("regression "), run.out());
  }

  @Test
  void dnnReachesTheBundledThresholdAndItsSavedModelEvaluatesTheSame(@TempDir Path out) throws Exception {
    CliRun train = CliRun.of("train", "dnn", "--data", "bundled", "--json", "--no-progress", "--out", out.toString());
    assertEquals(0, train.exitCode(), train.err());
    JsonNode report = train.json();
    assertEquals("dnn", report.get("example").asText());
    assertEquals(10, report.get("epochs").asInt());
    assertTrue(report.get("train_seconds").asDouble() > 0);
    assertTrue(report.get("examples_per_second").asDouble() > 0);
    double accuracy = report.get("test_accuracy").asDouble();
    assertTrue(accuracy >= 0.82, "bundled test accuracy " + accuracy);

    CliRun evaluate = CliRun.of("evaluate", "dnn", "--json", "--out", out.toString());
    assertEquals(0, evaluate.exitCode(), evaluate.err());
    assertEquals(accuracy, evaluate.json().get("test_accuracy").asDouble(), 1e-9);

    CliRun predict = CliRun.of("predict", "dnn", "--count", "3", "--out", out.toString());
    assertEquals(0, predict.exitCode(), predict.err());
    assertEquals(3, predict.lines().size());
    assertTrue(predict.lines().get(0).startsWith("#0 predicted "), predict.out());
  }

  @Test
  void regressionBeatsThePredictTheMeanBaselineByThirtyPercent(@TempDir Path out) throws Exception {
    CliRun train = CliRun.of("train", "regression", "--json", "--no-progress", "--out", out.toString());
    assertEquals(0, train.exitCode(), train.err());
    JsonNode report = train.json();
    double rmse = report.get("test_rmse").asDouble();
    double baseline = report.get("baseline_rmse").asDouble();
    assertTrue(rmse <= 0.7 * baseline, "test RMSE " + rmse + " vs baseline " + baseline);
  }

  @Test
  void trainingAidsLeaveTheirFilesAndAReportThatEndsEarlyWhenNothingImproves(@TempDir Path out) throws Exception {
    Path board = out.resolve("tb");
    CliRun train = CliRun.of("train", "regression", "--epochs", "400", "--lr-schedule", "step", "--early-stopping", "2",
        "--resume", "--tensorboard", board.toString(), "--json", "--no-progress", "--out", out.toString());
    assertEquals(0, train.exitCode(), train.err());
    assertTrue(train.json().get("train_seconds").asDouble() > 0);
    assertTrue(java.nio.file.Files.size(out.resolve("loss.png")) > 5_000, "loss curve drawn");
    assertTrue(java.nio.file.Files.exists(out.resolve("backup").resolve("last.dwckpt")), "backup kept");
    try (var events = java.nio.file.Files.list(board.resolve("train"))) {
      assertTrue(events.anyMatch(p -> p.getFileName().toString().startsWith("events.out.tfevents.")));
    }
    var backup = dev.deepwire.runtime.Checkpoints.read(out.resolve("backup").resolve("last.dwckpt"));
    assertTrue(backup.epoch() < 400, "early stopping ended it at epoch " + backup.epoch());
  }

  @Test
  void unknownCpuKernelsAreAUsageErrorBeforeAnythingLoads(@TempDir Path base) {
    CliRun run = CliRun.of("serve", "--model-base", base.toString(), "--port", "0", "--cpu-kernels", "mkl");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--cpu-kernels: unknown CPU kernels 'mkl'; expected onednn or eigen"), run.err());
  }

  @Test
  void unknownScheduleIsAUsageError() {
    CliRun run = CliRun.of("train", "regression", "--lr-schedule", "zigzag");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("unknown --lr-schedule 'zigzag'; use constant, cosine, step, exponential or"
        + " warmup-cosine"), run.err());
  }

  @Test
  void unknownExampleIsAUsageError() {
    CliRun run = CliRun.of("train", "nope");
    assertEquals(2, run.exitCode());
    List<String> known = Examples.all().stream().map(Example::name).toList();
    assertTrue(known.containsAll(List.of("dnn", "regression", "cnn", "seq2vec", "rnn")), known.toString());
    assertTrue(run.err().contains("unknown example 'nope'; known: " + known), run.err());
  }

  @Test
  void missingDataDirectoryNamesWhatIsMissing(@TempDir Path empty) {
    CliRun run = CliRun.of("train", "dnn", "--data", empty.toString(), "--epochs", "1", "--no-progress");
    assertEquals(3, run.exitCode());
    assertTrue(run.err().startsWith("error: ") && run.err().contains(empty.toString())
        && run.err().contains("train-images-idx3-ubyte.gz"), run.err());
  }

  @Test
  void evaluatingAnUntrainedExampleSaysToTrainFirst(@TempDir Path nothing) {
    CliRun run = CliRun.of("evaluate", "regression", "--out", nothing.toString());
    assertEquals(3, run.exitCode());
    assertEquals("error: no trained 'regression' model at " + nothing.resolve("model.dwckpt")
        + ": run `train regression --out " + nothing + "` first", run.err().strip());
  }

  @Test
  void nonPositiveEpochsAreRejected() {
    CliRun run = CliRun.of("train", "dnn", "--epochs", "0");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--epochs and --batch must be >= 1"), run.err());
  }
}
