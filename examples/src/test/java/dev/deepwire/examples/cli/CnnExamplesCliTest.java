package dev.deepwire.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The convolutional examples on bundled data, shortened to fit the test budget, with thresholds to match. */
class CnnExamplesCliTest {

  @Test
  void cnnReachesEightyTwoPercentInThreeEpochsAndItsSavedModelEvaluatesTheSame(@TempDir Path out)
      throws Exception {
    // 10 epochs (the default) reach 0.880; 3 epochs measured 0.841 at seed 42, so 0.82 leaves room for noise.
    CliRun train = CliRun.of("train", "cnn", "--data", "bundled", "--epochs", "3", "--json", "--no-progress",
        "--out", out.toString());
    assertEquals(0, train.exitCode(), train.err());
    double accuracy = train.json().get("test_accuracy").asDouble();
    assertTrue(accuracy >= 0.82, "bundled test accuracy after 3 epochs " + accuracy);

    CliRun evaluate = CliRun.of("evaluate", "cnn", "--json", "--out", out.toString());
    assertEquals(0, evaluate.exitCode(), evaluate.err());
    assertEquals(accuracy, evaluate.json().get("test_accuracy").asDouble(), 1e-9);
  }

  @Test
  void cnn1dBeatsThePersistenceForecastByTwentyPercent(@TempDir Path out) throws Exception {
    CliRun train = CliRun.of("train", "cnn1d", "--json", "--no-progress", "--out", out.toString());
    assertEquals(0, train.exitCode(), train.err());
    JsonNode report = train.json();
    double rmse = report.get("test_rmse").asDouble();
    double persistence = report.get("persistence_rmse").asDouble();
    assertTrue(rmse <= 0.8 * persistence, "test RMSE " + rmse + " vs persistence " + persistence);
  }

  @Test
  void cnn3dFindsTheOddSliceFarAboveChance(@TempDir Path out) throws Exception {
    // 3 epochs measured 0.785 against a chance level of 0.25.
    CliRun train = CliRun.of("train", "cnn3d", "--epochs", "3", "--json", "--no-progress", "--out", out.toString());
    assertEquals(0, train.exitCode(), train.err());
    JsonNode report = train.json();
    assertEquals(0.25, report.get("chance_accuracy").asDouble(), 1e-9);
    assertTrue(report.get("test_accuracy").asDouble() >= 0.6, "test accuracy " + report.get("test_accuracy"));
  }
}
