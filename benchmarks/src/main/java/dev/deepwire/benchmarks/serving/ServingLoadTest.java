package dev.deepwire.benchmarks.serving;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.deepwire.examples.cnn.FashionCnn;
import dev.deepwire.examples.cnn.FashionCnnModule;
import dev.deepwire.examples.dnn.FashionDnn;
import dev.deepwire.examples.dnn.FashionDnnModule;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.serving.BatchingConfig;
import dev.deepwire.serving.ModelServer;
import dev.deepwire.serving.ServerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A bounded load test of {@link ModelServer} with the {@code FashionDnn} or {@code FashionCnn} (untrained
 * weights: the cost of a prediction does not depend on them) on loopback: throughput and p50/p99 latency at
 * 1, 16 and 64 closed-loop clients, without and with micro-batching.
 *
 * <p>Arguments: {@code [--model dnn|cnn] [--requests N] [--seconds S] [--batch-size B]
 * [--batch-timeout-micros T] [--clients 1,16,64]}; each level stops after N answers or S seconds, whichever
 * comes first.
 */
public final class ServingLoadTest {

  private ServingLoadTest() {}

  public static void main(String[] args) throws Exception {
    int requests = 20000;
    double seconds = 6;
    int batchSize = 64;
    long timeoutMicros = 2000;
    int[] clients = {1, 16, 64};
    String modelName = "dnn";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--requests" -> requests = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
        case "--batch-size" -> batchSize = Integer.parseInt(args[i + 1]);
        case "--batch-timeout-micros" -> timeoutMicros = Long.parseLong(args[i + 1]);
        case "--model" -> modelName = args[i + 1];
        case "--clients" -> clients = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path base = Files.createTempDirectory("deepwire-load");
    boolean cnn = switch (modelName) {
      case "dnn" -> false;
      case "cnn" -> true;
      default -> throw new IllegalArgumentException("--model must be dnn or cnn, got " + modelName);
    };
    if (cnn) {
      try (CompiledModel<FashionCnn> model = Guice.createInjector(new FashionCnnModule())
          .getInstance(Key.get(new TypeLiteral<CompiledModel<FashionCnn>>() {}))) {
        model.export(base.resolve("fashion"), 1);
      }
    } else {
      try (CompiledModel<FashionDnn> model = Guice.createInjector(new FashionDnnModule())
          .getInstance(Key.get(new TypeLiteral<CompiledModel<FashionDnn>>() {}))) {
        model.export(base.resolve("fashion"), 1);
      }
    }
    byte[] body = requestBody(cnn);
    System.out.printf(Locale.ROOT, "Fashion%s on loopback, %d cores, <= %d requests or %.0f s per level%n",
        cnn ? "Cnn" : "Dnn", Runtime.getRuntime().availableProcessors(), requests, seconds);
    System.out.println(LoadResult.header());
    List<LoadResult> results = new ArrayList<>();
    results.addAll(level("per-request", BatchingConfig.off(), base, body, clients, requests, seconds));
    results.addAll(level("batched", BatchingConfig.of(batchSize, timeoutMicros), base, body, clients, requests, seconds));
    for (int c : clients) {
      double off = find(results, "per-request", c).throughput();
      double on = find(results, "batched", c).throughput();
      System.out.printf(Locale.ROOT, "batched / per-request throughput at %d clients: %.2fx%n", c, on / off);
    }
  }

  private static List<LoadResult> level(String mode, BatchingConfig batching, Path base, byte[] body, int[] clients,
      int requests, double seconds) throws Exception {
    ServerConfig config = ServerConfig.builder().port(0).model("fashion", base.resolve("fashion"))
        .batching(batching).build();
    List<LoadResult> results = new ArrayList<>();
    try (ModelServer server = new ModelServer(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).start()) {
      URI predict = URI.create(server.uri() + "/v1/models/fashion:predict");
      ClosedLoopClients load = new ClosedLoopClients();
      load.run(mode, predict, body, 4, 500, 5); // warm-up: JIT, connections, TF kernels
      for (int c : clients) {
        LoadResult result = load.run(mode, predict, body, c, requests, seconds);
        System.out.println(result.line());
        results.add(result);
      }
    }
    return results;
  }

  private static LoadResult find(List<LoadResult> results, String mode, int clients) {
    return results.stream().filter(r -> r.mode().equals(mode) && r.clients() == clients).findFirst().orElseThrow();
  }

  /** One 28×28 image of seeded noise ({@code [28, 28, 1]} for the CNN), as a TF Serving row-format request. */
  private static byte[] requestBody(boolean channel) {
    SplittableRandom random = new SplittableRandom(1);
    StringBuilder json = new StringBuilder("{\"instances\": [[");
    for (int r = 0; r < 28; r++) {
      json.append(r == 0 ? "[" : ",[");
      for (int c = 0; c < 28; c++) {
        String pixel = String.format(Locale.ROOT, "%.3f", random.nextDouble());
        json.append(c == 0 ? "" : ",").append(channel ? "[" + pixel + "]" : pixel);
      }
      json.append(']');
    }
    return json.append("]]}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
