package dev.deepwire.serving;

import static dev.deepwire.serving.ModelServerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.RuntimeOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer-token auth, model names and version folders kept inside their base, and the request limits. */
class ServingSecurityTest {

  private static final String REQUEST = "{\"instances\": [[[1, 2], [3, 4]]]}";
  private static final String TOKEN = "s3cret-Token_42";

  @TempDir Path root;

  private ModelServer start(UnaryOperator<ServerConfig.Builder> settings) throws Exception {
    Path base = root.resolve("grid");
    try (CompiledModel<GridModel> model = CompiledModel.compile(new GridModel(), new RuntimeOptions(1, 1, 1))) {
      model.export(base, 1);
    }
    ServerConfig config = settings.apply(ServerConfig.builder().port(0).model("grid", base).intraOpThreads(1)).build();
    return new ModelServer(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).start();
  }

  private static Http.Reply post(URI uri, String path, String body, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri.resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return Http.send(request);
  }

  @Test
  void aConfiguredTokenIsRequiredEverywhereButHealth() throws Exception {
    try (ModelServer server = start(b -> b.authToken(TOKEN))) {
      URI uri = server.uri();
      assertError(401, "needs an 'Authorization: Bearer <token>' header",
          post(uri, "/v1/models/grid:predict", REQUEST, null));
      assertError(401, "the bearer token is wrong", post(uri, "/v1/models/grid:predict", REQUEST, "Bearer nope"));
      assertError(401, "the bearer token is wrong",
          post(uri, "/v1/models/grid:predict", REQUEST, "Bearer " + TOKEN + "x"));
      assertEquals(401, Http.get(uri, "/v1/models/grid").status(), "status needs the token too");
      assertEquals(401, Http.get(uri, "/monitoring/prometheus/metrics").status(), "metrics need the token too");
      assertEquals(200, post(uri, "/v1/models/grid:predict", REQUEST, "Bearer " + TOKEN).status());
      assertEquals(200, post(uri, "/v1/models/grid:predict", REQUEST, "bearer " + TOKEN).status(),
          "the scheme is case-insensitive");
      assertEquals(200, Http.get(uri, "/health").status(), "health stays open for probes");
    }
  }

  @Test
  void modelNamesThatCouldLeaveAFolderAreRefused() {
    for (String name : new String[] {"..", "../etc", "a/b", "a\\b", ".hidden", "a..b", "", "x".repeat(129)}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ServerConfig.builder().model(name, root).build(), name);
      assertTrue(e.getMessage().contains("invalid model name"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().authToken("two words").build());
  }

  @Test
  void traversalInTheUrlFindsNothing() throws Exception {
    try (ModelServer server = start(b -> b)) {
      URI uri = server.uri();
      for (String path : new String[] {"/v1/models/..%2F..%2Fetc%2Fpasswd", "/v1/models/%2e%2e/versions/1",
          "/v1/models/grid/versions/..%2F1", "/v1/models/grid/versions/-1", "/v1/models/grid%00/metadata",
          "/v1/models/grid/versions/99999999999999999999:predict"}) {
        int status = Http.send(HttpRequest.newBuilder(URI.create(uri + path)).GET()).status();
        assertTrue(status == 400 || status == 404 || status == 405, path + " gave " + status);
      }
    }
  }

  @Test
  void aVersionFolderLinkingOutsideTheBaseIsNotLoaded() throws Exception {
    Path outside = root.resolve("outside");
    try (CompiledModel<GridModel> model = CompiledModel.compile(new GridModel(), new RuntimeOptions(2, 1, 1))) {
      model.export(outside, 1);
    }
    try (ModelServer server = start(b -> b)) {
      Files.createSymbolicLink(root.resolve("grid/7"), outside.resolve("1"));
      server.refresh();
      assertError(404, "Specific(grid, 7)", Http.post(server.uri(), "/v1/models/grid/versions/7:predict", REQUEST));
      assertEquals(200, Http.post(server.uri(), "/v1/models/grid/versions/1:predict", REQUEST).status());
    }
  }

  @Test
  void tooManyRowsIs400() throws Exception {
    try (ModelServer server = start(b -> b.maxRowsPerRequest(2))) {
      String three = "{\"instances\": [[[1, 2], [3, 4]], [[1, 2], [3, 4]], [[1, 2], [3, 4]]]}";
      assertError(400, "the request has 3 instances, more than the limit of 2 per request",
          Http.post(server.uri(), "/v1/models/grid:predict", three));
      String columnar = "{\"inputs\": [[[1, 2], [3, 4]], [[1, 2], [3, 4]], [[1, 2], [3, 4]]]}";
      assertError(400, "more than the limit of 2", Http.post(server.uri(), "/v1/models/grid:predict", columnar));
      assertEquals(200, Http.post(server.uri(), "/v1/models/grid:predict", REQUEST).status());
    }
  }

  @Test
  void requestsBeyondTheConcurrencyLimitGet429() throws Exception {
    try (ModelServer server = start(b -> b.maxConcurrentRequests(1))) {
      URI uri = server.uri();
      byte[] body = REQUEST.getBytes(StandardCharsets.UTF_8);
      try (Socket slow = new Socket(uri.getHost(), uri.getPort())) {
        OutputStream out = slow.getOutputStream();
        out.write(("POST /v1/models/grid:predict HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, 5);
        out.flush();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.inFlight() < 1 && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        Thread.sleep(100);
        assertError(429, "more than 1 predict requests at once", Http.post(uri, "/v1/models/grid:predict", REQUEST));
        out.write(body, 5, body.length - 5);
        out.flush();
        InputStream in = slow.getInputStream();
        String reply = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        assertEquals("HTTP/1.1 200", reply);
      }
      assertEquals(200, Http.post(uri, "/v1/models/grid:predict", REQUEST).status());
    }
  }
}
