package dev.deepwire.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The recurrent sunspot forecasters beat the persistence forecast on the last 30 years by at least 20 %. */
class RecurrentExamplesCliTest {

  // Seed 42, 60 epochs: LSTM 13.2 and GRU 12.3 sunspots against a persistence RMSE of 30.8.
  @ParameterizedTest
  @ValueSource(strings = {"timeseries-lstm", "timeseries-gru"})
  void beatsThePersistenceForecastByTwentyPercentAndEvaluatesTheSame(String example, @TempDir Path out)
      throws Exception {
    CliRun train = CliRun.of("train", example, "--json", "--no-progress", "--out", out.toString());
    assertEquals(0, train.exitCode(), train.err());
    JsonNode report = train.json();
    double rmse = report.get("test_rmse").asDouble();
    double baseline = report.get("baseline_rmse").asDouble();
    assertEquals(30, report.get("test_examples").asInt());
    assertTrue(rmse <= 0.8 * baseline, example + " test RMSE " + rmse + " vs persistence " + baseline);

    CliRun evaluate = CliRun.of("evaluate", example, "--json", "--out", out.toString());
    assertEquals(0, evaluate.exitCode(), evaluate.err());
    assertEquals(rmse, evaluate.json().get("test_rmse").asDouble(), 1e-6);
  }
}
