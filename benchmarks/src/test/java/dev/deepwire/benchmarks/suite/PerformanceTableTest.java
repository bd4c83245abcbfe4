package dev.deepwire.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformanceTableTest {

  @TempDir Path dir;

  @Test
  void aResultSurvivesItsJsonLine() {
    CaseResult result = CaseResult.of("djl", "cnn", "train", "examples/s", List.of(3000.0, 3630.0, 3500.0))
        .with("batch", 64);
    assertEquals("{\"batch\":64,\"framework\":\"djl\",\"max\":3630.0,\"median\":3500.0,\"metric\":\"train\","
        + "\"min\":3000.0,\"model\":\"cnn\",\"runs\":3,\"unit\":\"examples/s\"}", result.json());
    assertEquals(result, PerformanceTable.parse(result.json()));
  }

  @Test
  void theReadmeSectionIsReplacedFromTheResultsAndNothingElseIsTouched() throws Exception {
    Path results = dir.resolve("results.jsonl");
    Files.write(results, List.of(
        "suite log lines that are not JSON are ignored",
        CaseResult.of("deepwire", "mlp", "train", "examples/s", List.of(60000.0, 64000.0, 65000.0)).json(),
        CaseResult.of("dl4j", "mlp", "train", "examples/s", List.of(3500.0)).json(),
        CaseResult.of("deepwire/hand-written", "fashion-cnn", "train_step", "ratio", List.of(1.01, 1.02, 1.04)).json()));
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, "# Title\n\n## Performance\n\n" + PerformanceTable.BEGIN + "\nold table\n"
        + PerformanceTable.END + "\n\nAfter.\n");

    PerformanceTable.updateReadme(readme, results);

    String text = Files.readString(readme);
    assertTrue(text.startsWith("# Title\n\n## Performance\n\n" + PerformanceTable.BEGIN + "\n| row"), text);
    assertTrue(text.endsWith(PerformanceTable.END + "\n\nAfter.\n"), text);
    assertTrue(text.contains("| MLP 784-256-128-10, train examples/s | 64,000 [60,000–65,000] | – | 3,500 |"), text);
    assertTrue(text.contains("| fashion-cnn | 1.020 [1.010–1.040] | – | – |"), text);
    assertTrue(!text.contains("old table"), text);
  }

  @Test
  void theTrainingProcesssLatenciesAreALineUnderTheTable() throws Exception {
    Path results = dir.resolve("results.jsonl");
    Files.write(results, List.of(
        CaseResult.of("deepwire", "mlp", "latency", "us", List.of(20.0, 21.0, 25.0)).json(),
        CaseResult.of("deepwire", "mlp", "latency_training_process", "us", List.of(31.0, 43.6, 60.0)).json(),
        CaseResult.of("djl", "mlp", "latency_training_process", "us", List.of(80.0, 94.0, 120.0)).json()));
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, PerformanceTable.BEGIN + "\n" + PerformanceTable.END + "\n");

    PerformanceTable.updateReadme(readme, results);

    String text = Files.readString(readme);
    assertTrue(text.contains("| MLP single-example latency, µs [p10–p90] | 21.0 [20.0–25.0] | – | – |"), text);
    assertTrue(text.contains("in the process that trained, on oneDNN's kernels, Deepwire's MLP answers in"
        + " 43.6 [31.0–60.0] µs (DJL 94.0 [80.0–120], DL4J –).\n"), text);
  }
}
