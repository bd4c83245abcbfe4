package dev.deepwire.examples.cli;

import com.google.inject.Guice;
import dev.deepwire.runtime.CpuKernels;
import dev.deepwire.serving.BatchingConfig;
import dev.deepwire.serving.ModelServer;
import dev.deepwire.serving.ServerConfig;
import dev.deepwire.serving.ServingModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: serves SavedModel folders over TensorFlow Serving's REST API until interrupted. */
@Command(name = "serve",
    description = "Serves exported models over the TensorFlow Serving REST API (Ctrl-C stops it gracefully).")
final class ServeCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model-base", required = true, paramLabel = "DIR",
      description = "a model's base folder of numbered versions; repeat for several models")
  List<Path> modelBases;

  @Option(names = "--model-name", paramLabel = "NAME",
      description = "the model's name in URLs when one base is given (default: the folder's name)")
  String modelName;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "8501", description = "port (default: ${DEFAULT-VALUE}; 0 = any free)")
  int port;

  @Option(names = "--batch-size", defaultValue = "1",
      description = "most examples merged into one run; 1 = no batching (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Option(names = "--batch-timeout-micros", defaultValue = "1000",
      description = "longest wait for a batch to fill (default: ${DEFAULT-VALUE})")
  long batchTimeoutMicros;

  @Option(names = "--max-queue", defaultValue = "1000",
      description = "requests waiting for a batch before 429 (default: ${DEFAULT-VALUE})")
  int maxQueue;

  @Option(names = "--max-body-bytes", defaultValue = "33554432", description = "larger bodies get 413")
  long maxBodyBytes;

  @Option(names = "--poll-millis", defaultValue = "1000", description = "how often base folders are scanned")
  long pollMillis;

  @Option(names = "--auth-token-file", paramLabel = "FILE",
      description = "require 'Authorization: Bearer <token>' with the token in FILE (kept off the command line)")
  Path authTokenFile;

  @Option(names = "--max-rows", defaultValue = "10000",
      description = "most instances in one predict request; more get 400 (default: ${DEFAULT-VALUE})")
  int maxRows;

  @Option(names = "--max-concurrent", defaultValue = "256",
      description = "most predict requests at once; more get 429 (default: ${DEFAULT-VALUE})")
  int maxConcurrent;

  @Option(names = "--cpu-kernels", paramLabel = "eigen|onednn",
      description = "TensorFlow's CPU kernels (default: eigen, the lowest latency for requests of a few examples;"
          + " onednn serves large batches of convolutions faster)")
  String cpuKernels;

  @Override
  public Integer call() throws Exception {
    if (modelName != null && modelBases.size() > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--model-name needs exactly one --model-base");
    }
    ServerConfig.Builder config = ServerConfig.builder()
        .host(host)
        .port(port)
        .maxBodyBytes(maxBodyBytes)
        .pollInterval(Duration.ofMillis(pollMillis))
        .authToken(authTokenFile == null ? "" : Files.readString(authTokenFile).strip())
        .maxRowsPerRequest(maxRows)
        .maxConcurrentRequests(maxConcurrent)
        .batching(batchSize > 1
            ? BatchingConfig.of(batchSize, batchTimeoutMicros).withMaxQueuedRequests(maxQueue)
            : BatchingConfig.off());
    if (cpuKernels != null) { // else ServerConfig's default, Eigen
      config.cpuKernels(kernels(cpuKernels));
      System.setProperty(CpuKernels.PROPERTY, cpuKernels); // the user's choice: wins over TF_ENABLE_ONEDNN_OPTS
    }
    for (Path base : modelBases) {
      Path absolute = base.toAbsolutePath().normalize();
      config.model(modelName != null ? modelName : absolute.getFileName().toString(), absolute);
    }
    ModelServer server = Guice.createInjector(new ServingModule(config.build())).getInstance(ModelServer.class);
    server.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "deepwire-serve-shutdown"));
    spec.commandLine().getErr().println("serving " + config.build().models().keySet() + " at " + server.uri()
        + "/v1/models/<name>:predict (Ctrl-C stops)");
    spec.commandLine().getErr().flush();
    stopped.await();
    return 0;
  }

  private CpuKernels kernels(String name) {
    try {
      return CpuKernels.parse(name);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--cpu-kernels: " + e.getMessage());
    }
  }
}
