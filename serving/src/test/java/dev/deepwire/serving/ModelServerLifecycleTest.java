package dev.deepwire.serving;

import static dev.deepwire.serving.ModelServerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.RuntimeOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, unloading, overload and shutdown of a live server. */
class ModelServerLifecycleTest {

  private static final String GRID_REQUEST = "{\"instances\": [[[1, 2], [3, 4]]]}";

  @TempDir Path base;

  private ModelServer start(BatchingConfig batching) {
    return start(batching, Duration.ofSeconds(1));
  }

  private ModelServer start(BatchingConfig batching, Duration shutdownIdleTimeout) {
    ServerConfig config = ServerConfig.builder()
        .port(0)
        .shutdownIdleTimeout(shutdownIdleTimeout)
        .model("grid", base)
        .batching(batching)
        .pollInterval(Duration.ofMillis(50))
        .intraOpThreads(1)
        .build();
    return new ModelServer(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).start();
  }

  private static void export(Path base, long seed, long version) throws Exception {
    try (CompiledModel<GridModel> model = CompiledModel.compile(new GridModel(), new RuntimeOptions(seed, 1, 1))) {
      model.export(base, version);
    }
  }

  @Test
  void notReadyUntilAVersionAppearsThenHotLoadsNewVersionsAndUnloadsRemovedOnes() throws Exception {
    try (ModelServer server = start(BatchingConfig.off())) {
      URI uri = server.uri();
      assertError(503, "no version loaded yet", Http.post(uri, "/v1/models/grid:predict", GRID_REQUEST));
      assertEquals(503, Http.get(uri, "/health").status());

      export(base, 1, 1);
      await(() -> Http.post(uri, "/v1/models/grid:predict", GRID_REQUEST).status() == 200);
      String first = Http.post(uri, "/v1/models/grid:predict", GRID_REQUEST).body();

      export(base, 2, 2);
      await(() -> Http.get(uri, "/v1/models/grid").json().get("model_version_status").size() == 2);
      String second = Http.post(uri, "/v1/models/grid:predict", GRID_REQUEST).body();
      assertTrue(!first.equals(second), "version 2 answers by default: " + first + " vs " + second);
      assertEquals(first, Http.post(uri, "/v1/models/grid/versions/1:predict", GRID_REQUEST).body());

      deleteTree(base.resolve("1"));
      await(() -> Http.get(uri, "/v1/models/grid/versions/1").status() == 404);
      assertEquals(second, Http.post(uri, "/v1/models/grid:predict", GRID_REQUEST).body());
    }
  }

  @Test
  void aFullBatchQueueAnswers429() throws Exception {
    export(base, 1, 1);
    BatchingConfig tiny = new BatchingConfig(2, 200_000, 1, 1);
    try (ModelServer server = start(tiny)) {
      URI uri = server.uri();
      ExecutorService pool = Executors.newFixedThreadPool(32);
      try {
        List<Future<Http.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
          replies.add(pool.submit(() -> Http.post(uri, "/v1/models/grid:predict", GRID_REQUEST)));
        }
        int ok = 0;
        int overloaded = 0;
        for (Future<Http.Reply> reply : replies) {
          if (reply.get().status() == 429) {
            overloaded++;
            assertTrue(reply.get().error().contains("queue"), reply.get().body());
          } else {
            assertEquals(200, reply.get().status(), reply.get().body());
            ok++;
          }
        }
        assertTrue(overloaded > 0 && ok > 0, ok + " ok, " + overloaded + " overloaded");
      } finally {
        pool.shutdownNow();
      }
      String metrics = Http.get(uri, "/monitoring/prometheus/metrics").body();
      assertTrue(metrics.contains("status=\"429\""), metrics);
    }
  }

  @Test
  void closingFinishesRequestsInFlight() throws Exception {
    export(base, 1, 1);
    // A loaded build machine can stall this client past the default 1 s while it finishes the body.
    ModelServer server = start(BatchingConfig.off(), Duration.ofSeconds(20));
    byte[] body = GRID_REQUEST.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/models/grid:predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, 10);
      out.flush();
      await(() -> server.inFlight() == 1);
      // The request is in flight (its body half sent) when close() starts: close() waits for it.
      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      Thread.sleep(200);
      assertTrue(!closing.isDone(), "close() waits for the request in flight");
      out.write(body, 10, body.length - 10);
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 200"), response);
      assertTrue(response.contains("\"predictions\""), response);
      closing.get();
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "condition not met within 20 s");
      Thread.sleep(25);
    }
  }

  private static void deleteTree(Path dir) throws Exception {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
