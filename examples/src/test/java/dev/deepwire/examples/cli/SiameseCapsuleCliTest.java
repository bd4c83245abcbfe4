package dev.deepwire.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capsule and Siamese examples train on the bundled data, report their figures, and evaluate the same. */
class SiameseCapsuleCliTest {

  // Seed 42, bundled data, 1 epoch: test accuracy 0.72.
  @Test
  void capsnetClassifiesAndReconstructs(@TempDir Path out) throws Exception {
    CliRun train = CliRun.of("train", "capsnet", "--epochs", "1", "--json", "--no-progress", "--out", out.toString());
    assertEquals(0, train.exitCode(), train.err());
    JsonNode report = train.json();
    assertTrue(report.get("test_accuracy").asDouble() >= 0.6, report.toString());
    assertTrue(report.get("test_reconstruction_mse").asDouble() < 0.08, report.toString());
    assertTrue(Files.size(Path.of(report.get("reconstructions_png").asText())) > 10_000);

    CliRun evaluate = CliRun.of("evaluate", "capsnet", "--json", "--out", out.toString());
    assertEquals(0, evaluate.exitCode(), evaluate.err());
    assertEquals(report.get("test_accuracy").asDouble(), evaluate.json().get("test_accuracy").asDouble(), 1e-6);
  }

  // Seed 42, bundled data, 1 epoch: ROC AUC 0.90 (validation 0.88) on pairs of the five unseen classes; the
  // untrained tower scores 0.85 (validation 0.81), so the thresholds need what training adds.
  @Test
  void siameseCnnVerifiesPairsOfUnseenClasses(@TempDir Path out) throws Exception {
    CliRun train = CliRun.of("train", "siamese-cnn", "--epochs", "1", "--json", "--no-progress", "--out",
        out.toString());
    assertEquals(0, train.exitCode(), train.err());
    JsonNode report = train.json();
    assertTrue(report.get("test_roc_auc").asDouble() >= 0.87, report.toString());
    assertTrue(report.get("validation_roc_auc").asDouble() >= 0.85, report.toString());
    assertTrue(report.get("test_accuracy").asDouble() >= 0.76, report.toString());
  }

  // Seed 42, bundled words A-C, 3 epochs: ROC AUC 0.75 (0.90 on the whole dictionary, 10 epochs).
  @Test
  void siameseLstmTellsHomophonesFromNearMisses(@TempDir Path out) throws Exception {
    CliRun train = CliRun.of("train", "siamese-lstm", "--epochs", "3", "--json", "--no-progress", "--out",
        out.toString());
    assertEquals(0, train.exitCode(), train.err());
    JsonNode report = train.json();
    double auc = report.get("test_roc_auc").asDouble();
    assertTrue(auc >= 0.68, report.toString());

    CliRun evaluate = CliRun.of("evaluate", "siamese-lstm", "--json", "--out", out.toString());
    assertEquals(0, evaluate.exitCode(), evaluate.err());
    assertEquals(auc, evaluate.json().get("test_roc_auc").asDouble(), 1e-9);
    CliRun predict = CliRun.of("predict", "siamese-lstm", "--count", "3", "--out", out.toString());
    assertEquals(0, predict.exitCode(), predict.err());
    assertTrue(predict.out().contains("#0 distance"), predict.out());
  }
}
