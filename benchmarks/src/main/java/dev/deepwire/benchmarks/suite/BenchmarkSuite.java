package dev.deepwire.benchmarks.suite;

import dev.deepwire.benchmarks.Harness;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every benchmark case, each in a JVM of its own (so peak RSS is one framework's, and no case inherits
 * another's heap or threads), and prints one JSON line per figure on standard output; child processes' logs
 * go to standard error. Then appends the FLOP/s shares and, with {@code --readme}, rewrites the README's
 * performance table ({@link PerformanceTable}).
 *
 * <p>Usage, from the repository root after {@code mvn -B -Ppeers -pl processor,benchmarks,benchmarks-peers -am
 * package -DskipTests}: {@code java -cp "benchmarks/target/deepwire-benchmarks.jar:benchmarks/target/lib/*"
 * dev.deepwire.benchmarks.suite.BenchmarkSuite [--rounds R] [--out FILE] [--readme README.md]}. The DL4J and
 * DJL cases run when {@code benchmarks-peers/target} holds their jar, and are skipped (with a note on standard
 * error) otherwise.
 */
public final class BenchmarkSuite {

  private static final Path BENCH_JAR = Path.of("benchmarks/target/deepwire-benchmarks.jar");
  private static final Path PEERS_JAR = Path.of("benchmarks-peers/target/deepwire-benchmarks-peers.jar");

  private final List<CaseResult> results = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();
  private final String rounds;

  private BenchmarkSuite(String rounds) {
    this.rounds = rounds;
  }

  public static void main(String[] args) throws Exception {
    BenchmarkSuite suite = new BenchmarkSuite(Harness.option(args, "--rounds", "5"));
    long started = System.nanoTime();
    suite.runAll(Files.exists(PEERS_JAR));
    suite.emit(CaseResult.single("suite", "all", "suite_minutes", "min", (System.nanoTime() - started) / 60e9));
    Path out = Path.of(Harness.option(args, "--out", "benchmarks/target/suite-results.jsonl"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, suite.lines);
    String readme = Harness.option(args, "--readme", null);
    if (readme != null) {
      PerformanceTable.updateReadme(Path.of(readme), out);
    }
  }

  private void runAll(boolean peers) throws Exception {
    List<String> bench = List.of("-cp", classPath(BENCH_JAR));
    for (String model : List.of("mlp", "cnn")) {
      run(Map.of(), bench, "dev.deepwire.benchmarks.peers.DeepwireRows", "--model", model, "--rounds", rounds);
    }
    // Single-example latency in a serving process of its own (no training), for every framework.
    run(Map.of(), bench, "dev.deepwire.benchmarks.peers.DeepwireRows", "--model", "mlp", PeerRows.SERVE);
    run(Map.of(), bench, "dev.deepwire.benchmarks.latency.SingleExampleLatency", "--rounds", "60");
    if (peers) {
      List<String> peer = List.of("-Dai.djl.offline=true", "-cp", classPath(PEERS_JAR));
      for (String model : List.of("mlp", "cnn")) {
        run(Map.of(), peer, "dev.deepwire.peers.Dl4jRows", "--model", model, "--rounds", rounds);
        run(Map.of(), peer, "dev.deepwire.peers.DjlRows", "--model", model, "--rounds", rounds);
      }
      run(Map.of(), peer, "dev.deepwire.peers.Dl4jRows", "--model", "mlp", PeerRows.SERVE);
      run(Map.of(), peer, "dev.deepwire.peers.DjlRows", "--model", "mlp", PeerRows.SERVE);
      // DL4J's OpenMP threads spin against each other on a small machine: its best MLP setting, shown apart.
      run(Map.of("OMP_NUM_THREADS", "1"), peer, "dev.deepwire.peers.Dl4jRows", "--model", "mlp", "--rounds", rounds,
          "--label", "dl4j-omp1");
    } else {
      System.err.println("benchmark suite: " + PEERS_JAR + " not built (mvn -Ppeers ...): DL4J and DJL cases skipped");
    }
    // Short rounds (64 steps a side) paired back to back, many of them: both sides of a pair see the same machine.
    run(Map.of(), bench, "dev.deepwire.benchmarks.GeneratedVsHandWritten", "--rounds", "101", "--limit", "4096");
    run(Map.of(), bench, "dev.deepwire.benchmarks.cnn.CnnGeneratedVsHandWritten", "--rounds", "41", "--limit", "4096");
    // Many short paired rounds (2 epochs, ~60 ms a side): both sides of a pair see the same machine.
    run(Map.of(), bench, "dev.deepwire.benchmarks.rnn.LstmGeneratedVsHandWritten", "--rounds", "301", "--epochs", "2");
    run(Map.of(), bench, "dev.deepwire.benchmarks.InferenceGeneratedVsHandWritten", "--model", "dnn");
    run(Map.of(), bench, "dev.deepwire.benchmarks.InferenceGeneratedVsHandWritten", "--model", "cnn");
    run(Map.of(), bench, "dev.deepwire.benchmarks.suite.ProcessorCost", "--rounds", rounds);
    firstPrediction("deepwire", bench, "dev.deepwire.benchmarks.peers.DeepwireRows");
    if (peers) {
      List<String> peer = List.of("-Dai.djl.offline=true", "-cp", classPath(PEERS_JAR));
      firstPrediction("dl4j", peer, "dev.deepwire.peers.Dl4jRows");
      firstPrediction("djl", peer, "dev.deepwire.peers.DjlRows");
    }
    flopShares();
  }

  /** The share of the machine's peak FP32 FLOP/s each training row reaches. */
  private void flopShares() {
    MachinePeak peak = MachinePeak.ofThisMachine();
    for (CaseResult train : List.copyOf(results)) {
      if (!train.metric().equals("train") || train.framework().equals("deepwire/hand-written")) {
        continue;
      }
      double flops = Flops.trainingPerExample(train.model());
      double share = train.median() * flops / peak.flopsPerSecond() * 100;
      emit(new CaseResult(train.framework(), train.model(), "train_peak_share", "%", share,
          train.min() * flops / peak.flopsPerSecond() * 100, train.max() * flops / peak.flopsPerSecond() * 100,
          train.runs(), Map.of("flops_per_example", flops, "peak_gflops", peak.flopsPerSecond() / 1e9,
              "peak_formula", peak.cores() + " cores x " + peak.fmaUnits() + " FMA x " + peak.lanes()
                  + " lanes x 2 x " + String.format(java.util.Locale.ROOT, "%.2f", peak.gigahertz())
                  + " GHz (measured)")));
    }
  }

  /** Wall time from spawning a JVM to its exit right after one prediction, three times. */
  private void firstPrediction(String framework, List<String> jvm, String mainClass) throws Exception {
    for (String model : List.of("mlp", "cnn")) {
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        Process p = start(Map.of(), jvm, mainClass, "--model", model, "--first-prediction");
        p.getInputStream().transferTo(System.err);
        check(p, mainClass);
        millis.add((System.nanoTime() - t0) / 1e6);
      }
      emit(CaseResult.of(framework, model, "start_to_first_prediction", "ms", millis));
    }
  }

  private void run(Map<String, String> env, List<String> jvm, String mainClass, String... args) throws Exception {
    Process p = start(env, jvm, mainClass, args);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("{")) {
          emit(PerformanceTable.parse(line), line);
        } else {
          System.err.println(line);
        }
      }
    }
    check(p, mainClass);
  }

  private static Process start(Map<String, String> env, List<String> jvm, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
    builder.environment().putAll(env);
    System.err.println("benchmark suite: " + String.join(" ", env.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).toList()) + " " + mainClass + " " + String.join(" ", args));
    return builder.start();
  }

  private static void check(Process p, String mainClass) throws InterruptedException {
    int status = p.waitFor();
    if (status != 0) {
      throw new IllegalStateException(mainClass + " exited with status " + status);
    }
  }

  private void emit(CaseResult result) {
    emit(result, result.json());
  }

  private void emit(CaseResult result, String line) {
    results.add(result);
    lines.add(line);
    System.out.println(line);
    System.out.flush();
  }

  private static String classPath(Path jar) {
    return jar + java.io.File.pathSeparator + jar.resolveSibling("lib") + java.io.File.separator + "*";
  }
}
