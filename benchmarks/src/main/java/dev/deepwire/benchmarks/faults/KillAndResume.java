package dev.deepwire.benchmarks.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.examples.cli.DeepwireCli;
import dev.deepwire.runtime.Checkpoints;
import dev.deepwire.runtime.diagnostics.FaultPoints;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;

/**
 * Trains an example twice with the same seed: once left alone, once killed with {@code SIGKILL} at each planned
 * point and resumed (the same command again, {@code --resume}) until it completes. After every kill the run
 * folder is audited ({@link RunAudit}); at the end the two runs' saved weights, exports and test figures are
 * compared.
 */
final class KillAndResume {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The training both runs do.
   *
   * @param referenceInProcess run the uninterrupted reference in this JVM (saves a JVM start in tests)
   */
  record Settings(String example, String data, int epochs, int batch, long seed, Path work, Duration childTimeout,
      boolean referenceInProcess) {}

  private final Settings settings;
  private final Map<String, Integer> landed = new TreeMap<>();
  private final List<String> problems = new ArrayList<>();
  private final List<String> landings = new ArrayList<>();
  private int missed;
  private int children;
  private int checkpointsRead;
  private int exportsLoaded;
  private int tempFilesSeen;
  private int exportTempsSeen;

  private KillAndResume(Settings settings) {
    this.settings = settings;
  }

  /** Runs both trainings and returns every figure, as one flat map (the harness prints it as JSON). */
  static Map<String, Object> run(Settings settings, List<Kill> kills) throws Exception {
    return new KillAndResume(settings).run(kills);
  }

  private Map<String, Object> run(List<Kill> kills) throws Exception {
    Path reference = settings.work().resolve("uninterrupted");
    Path killed = settings.work().resolve("killed");
    long started = System.nanoTime();
    JsonNode expected = settings.referenceInProcess() ? completeHere(reference) : complete(reference);
    double referenceSeconds = (System.nanoTime() - started) / 1e9;
    started = System.nanoTime();
    for (Kill kill : kills) {
      killAt(kill, killed);
    }
    JsonNode actual = complete(killed);
    double killedSeconds = (System.nanoTime() - started) / 1e9;
    RunAudit end = RunAudit.of(killed, exports(killed));
    problems.addAll(end.problems());
    if (end.tempFiles() + end.exportTemps() > 0) {
      problems.add("temp files left after the run completed: " + end.tempFiles() + " files, " + end.exportTemps()
          + " export folders");
    }
    if (end.exports() != settings.epochs()) {
      problems.add(end.exports() + " exports after the run completed, expected one per epoch: " + settings.epochs());
    }

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("example", settings.example());
    report.put("epochs", settings.epochs());
    report.put("kills_planned", kills.size());
    report.put("kills_landed", landed.values().stream().mapToInt(Integer::intValue).sum());
    report.put("kills_by_point", landed);
    report.put("kills_missed", missed);
    report.put("children", children);
    report.put("checkpoints_verified", checkpointsRead);
    report.put("exports_verified", exportsLoaded);
    report.put("torn_temp_files_seen", tempFilesSeen);
    report.put("export_temp_folders_seen", exportTempsSeen);
    report.put("completed", actual != null);
    report.put("weights_bitwise_equal", sameWeights(reference, killed));
    report.put("exports_bitwise_equal", sameExports(reference, killed));
    report.put("uninterrupted_test_accuracy", figure(expected, "test_accuracy"));
    report.put("resumed_test_accuracy", figure(actual, "test_accuracy"));
    report.put("uninterrupted_test_loss", figure(expected, "test_loss"));
    report.put("resumed_test_loss", figure(actual, "test_loss"));
    report.put("uninterrupted_seconds", Math.round(referenceSeconds * 10) / 10.0);
    report.put("killed_and_resumed_seconds", Math.round(killedSeconds * 10) / 10.0);
    report.put("problems", problems);
    report.put("landings", landings);
    return report;
  }

  /** Runs the training in {@code out} to its end; its JSON report, or null (a problem) if it fails. */
  private JsonNode complete(Path out) throws Exception {
    try (TrainingChild child = TrainingChild.start(arguments(out), null)) {
      children++;
      int exit = child.awaitExit(settings.childTimeout());
      if (exit != 0) {
        problems.add("the run in " + out + " ended with " + exit + ": " + child.errorTail());
        return null;
      }
      return JSON.readTree(child.lastOutputLine());
    }
  }

  /** Like {@link #complete} in this JVM. */
  private JsonNode completeHere(Path out) throws Exception {
    StringWriter output = new StringWriter();
    StringWriter errors = new StringWriter();
    CommandLine cli = DeepwireCli.commandLine();
    cli.setOut(new PrintWriter(output, true));
    cli.setErr(new PrintWriter(errors, true));
    int exit = cli.execute(arguments(out).toArray(String[]::new));
    if (exit != 0) {
      problems.add("the run in " + out + " ended with " + exit + ": " + errors);
      return null;
    }
    List<String> lines = output.toString().lines().toList();
    return JSON.readTree(lines.get(lines.size() - 1));
  }

  private void killAt(Kill kill, Path out) throws Exception {
    try (TrainingChild child = TrainingChild.start(arguments(out), kill)) {
      children++;
      Optional<String> marker = child.awaitPoint(kill.point(), kill.occurrence(), settings.childTimeout());
      if (marker.isEmpty()) {
        int exit = child.awaitExit(settings.childTimeout());
        if (exit == 0) {
          missed++; // the run finished before reaching the point: nothing to kill
        } else {
          problems.add("a resumed run ended with " + exit + " before " + kill + ": " + child.errorTail());
        }
        return;
      }
      if (kill.delayMicros() > 0) {
        LockSupport.parkNanos(kill.delayMicros() * 1_000L); // into the step's Session.run
      }
      child.kill();
      // e.g. "step 37 global-step-1450" or "checkpoint-write 1 .../last.dwckpt123.tmp paused"
      landings.add(marker.get().substring(FaultPoints.MARKER.length() + 1).replace(" paused", "")
          .replace(settings.work().toString() + "/", ""));
    }
    landed.merge(kill.point(), 1, Integer::sum);
    RunAudit audit = RunAudit.of(out, exports(out));
    checkpointsRead += audit.checkpoints();
    exportsLoaded += audit.exports();
    tempFilesSeen += audit.tempFiles();
    exportTempsSeen += audit.exportTemps();
    audit.problems().forEach(p -> problems.add("after a kill at " + kill + ": " + p));
  }

  private List<String> arguments(Path out) {
    return List.of("train", settings.example(), "--data", settings.data(), "--epochs", Integer.toString(settings.epochs()),
        "--batch", Integer.toString(settings.batch()), "--seed", Long.toString(settings.seed()), "--out", out.toString(),
        "--resume", "--export-every-epoch", exports(out).toString(), "--no-progress", "--json");
  }

  private static Path exports(Path out) {
    return out.resolve("serving");
  }

  private static boolean sameWeights(Path a, Path b) throws IOException {
    Path file = Path.of("model.dwckpt");
    if (!Files.exists(a.resolve(file)) || !Files.exists(b.resolve(file))) {
      return false;
    }
    Map<String, float[]> x = Checkpoints.read(a.resolve(file)).values();
    Map<String, float[]> y = Checkpoints.read(b.resolve(file)).values();
    return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> Arrays.equals(x.get(k), y.get(k)));
  }

  /** How many of the reference's exports the resumed run wrote byte for byte, as "equal/total". */
  private String sameExports(Path a, Path b) throws IOException {
    Path variables = Path.of("variables", "variables.data-00000-of-00001");
    int equal = 0;
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      Path x = exports(a).resolve(Integer.toString(epoch)).resolve(variables);
      Path y = exports(b).resolve(Integer.toString(epoch)).resolve(variables);
      if (Files.exists(x) && Files.exists(y) && Files.mismatch(x, y) == -1) {
        equal++;
      }
    }
    return equal + "/" + settings.epochs();
  }

  private static Object figure(JsonNode report, String name) {
    return report == null || !report.has(name) ? null : report.get(name).asDouble();
  }
}
