package dev.deepwire.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.examples.cluster.LocalCluster;
import dev.deepwire.examples.cluster.TaskProcess;
import dev.deepwire.runtime.distributed.TaskId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cluster <example>}: a demo of data-parallel training: launches parameter servers and workers as
 * separate JVMs on loopback, shows their output prefixed by task, and prints the chief's report.
 */
@Command(name = "cluster", description = "Trains an example on a local TensorFlow cluster of separate processes.")
final class ClusterCommand implements Callable<Integer> {

  private static final Duration PS_EXIT = Duration.ofSeconds(30);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<example>", description = "an example that trains on a cluster: dnn, cnn")
  String example;

  @Option(names = "--workers", defaultValue = "2", description = "worker processes (default: ${DEFAULT-VALUE})")
  int workers;

  @Option(names = "--ps", defaultValue = "1", description = "parameter-server processes (default: ${DEFAULT-VALUE})")
  int parameterServers;

  @Option(names = "--epochs", description = "epochs (default: the example's)")
  Integer epochs;

  @Option(names = "--batch", description = "global batch size, split over the workers (default: the example's)")
  Integer batch;

  @Option(names = "--data", defaultValue = "bundled", paramLabel = "bundled|full|DIR", description = "as for train")
  String data;

  @Option(names = "--seed", defaultValue = "42", description = "seed of weights, dropout and shuffling")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "where the chief saves the weights (default: runs/<example>)")
  Path out;

  @Option(names = "--json", description = "end standard output with the chief's report as one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (workers < 1 || parameterServers < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--workers and --ps must be >= 1");
    }
    List<String> arguments = new ArrayList<>(List.of(example, "--data", data, "--seed", Long.toString(seed), "--json",
        "--out", (out == null ? Path.of("runs", example) : out).toAbsolutePath().toString()));
    if (epochs != null) {
      arguments.addAll(List.of("--epochs", epochs.toString()));
    }
    if (batch != null) {
      arguments.addAll(List.of("--batch", batch.toString()));
    }
    try (LocalCluster cluster = LocalCluster.onLoopback(parameterServers, workers, System.err)) {
      System.err.println("cluster " + cluster.spec());
      Path here = Path.of("").toAbsolutePath();
      List<TaskProcess> servers = new ArrayList<>();
      for (int i = 0; i < parameterServers; i++) {
        servers.add(cluster.start(TaskId.ps(i), arguments, here));
      }
      List<TaskProcess> workerProcesses = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        workerProcesses.add(cluster.start(TaskId.worker(i), arguments, here));
      }
      int failed = 0;
      for (TaskProcess worker : workerProcesses) {
        failed += worker.waitFor(Duration.ofDays(1)) == 0 ? 0 : 1;
      }
      for (TaskProcess server : servers) {
        failed += server.waitFor(PS_EXIT) == 0 ? 0 : 1;
      }
      String chief = workerProcesses.get(0).lastLine();
      if (failed > 0 || !chief.startsWith("{")) {
        spec.commandLine().getErr().println("error: " + failed + " task(s) failed; see their output above");
        return 1;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> report = new LinkedHashMap<>(new ObjectMapper().readValue(chief, Map.class));
      report.put("cluster", cluster.spec().toString());
      DeepwireCli.print(spec.commandLine().getOut(), report, json);
      return 0;
    }
  }
}
