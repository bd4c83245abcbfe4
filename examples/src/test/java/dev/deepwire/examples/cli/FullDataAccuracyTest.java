package dev.deepwire.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published-figure check on the full Fashion-MNIST: 10 epochs reach 88 % test accuracy; and the Siamese CNN
 * tells pairs of the five classes it never saw apart with ROC AUC 0.85 (issue #10). CI installs
 * the data (`.ci/run`) and this test fails there if it is missing; elsewhere it is reported as skipped.
 */
class FullDataAccuracyTest {

  private static final Path FULL = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");

  @Test
  void dnnReachesEightyEightPercentOnTheFullTestSet(@TempDir Path out) throws Exception {
    JsonNode report = trainOnFullData("dnn", 10, out);
    double accuracy = report.get("test_accuracy").asDouble();
    assertEquals(10_000, report.get("test_examples").asInt());
    assertTrue(accuracy >= 0.88, "full test accuracy " + accuracy);
  }

  // Seed 42, 2 epochs of 30,000 pairs: test ROC AUC 0.864 (accuracy 0.786); an untrained tower scores 0.837.
  @Test
  void siameseCnnReachesRocAucEightyFiveOnUnseenClasses(@TempDir Path out) throws Exception {
    JsonNode report = trainOnFullData("siamese-cnn", 2, out);
    double auc = report.get("test_roc_auc").asDouble();
    assertEquals(5_000, report.get("test_pairs").asInt());
    assertTrue(auc >= 0.85, "full unseen-class ROC AUC " + auc);
  }

  /** The report of {@code train example --data full}; skips the test where the data is missing outside CI. */
  private static JsonNode trainOnFullData(String example, int epochs, Path out) throws Exception {
    boolean ci = System.getenv("CI") != null;
    assumeTrue(ci || Files.exists(FULL), "full Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)");
    CliRun train = CliRun.of("train", example, "--data", "full", "--epochs", String.valueOf(epochs), "--json",
        "--no-progress", "--out", out.toString());
    assertEquals(0, train.exitCode(), train.err());
    return train.json();
  }
}
