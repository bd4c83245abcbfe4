package dev.deepwire.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.RuntimeOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over real HTTP: formats, several inputs, versions, errors, metrics, injection. */
class ModelServerTest {

  static final float[][] GRIDS = {{1, 2, 3, 4}, {-1, 0.5f, 0, 2}, {0, 0, 0, 0}};
  static final float[][] A = {{0.5f, -1f, 2f}, {1f, 0f, -3f}};
  static final float[][] B = {{3, 1}, {0, 2}};

  @TempDir static Path root;
  static Map<String, float[][]> gridV1;
  static Map<String, float[][]> gridV2;
  static Map<String, float[][]> two;
  static ModelServer server;
  static URI uri;

  @BeforeAll
  static void start() throws IOException {
    try (CompiledModel<GridModel> v1 = CompiledModel.compile(new GridModel(), new RuntimeOptions(1, 1, 1));
         CompiledModel<GridModel> v2 = CompiledModel.compile(new GridModel(), new RuntimeOptions(2, 1, 1));
         CompiledModel<TwoInputModel> t = CompiledModel.compile(new TwoInputModel(), new RuntimeOptions(3, 1, 1))) {
      v1.export(root.resolve("grid"), 1);
      v2.export(root.resolve("grid"), 2);
      t.export(root.resolve("two"), 5);
      gridV1 = v1.predictor().predict(Map.of("grid", GRIDS));
      gridV2 = v2.predictor().predict(Map.of("grid", GRIDS));
      two = t.predictor().predict(Map.of("a", A, "b", B));
    }
    ServerConfig config = ServerConfig.builder()
        .port(0)
        .model("grid", root.resolve("grid"))
        .model("two", root.resolve("two"))
        .batching("grid", BatchingConfig.of(8, 2_000))
        .maxBodyBytes(4_096)
        .intraOpThreads(1)
        .build();
    Injector injector = Guice.createInjector(new ServingModule(config));
    server = injector.getInstance(ModelServer.class).start();
    assertTrue(server == injector.getInstance(ModelServer.class), "one server per injector");
    uri = server.uri();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void rowFormatWithOneUnnamedInputGivesTheHighestVersion() {
    Http.Reply reply = Http.post(uri, "/v1/models/grid:predict",
        "{\"instances\": [[[1, 2], [3, 4]], [[-1, 0.5], [0, 2]], [[0, 0], [0, 0]]]}");
    assertEquals(200, reply.status(), reply.body());
    JsonNode predictions = reply.json().get("predictions");
    assertEquals(3, predictions.size());
    assertRows(gridV2.get("label"), predictions);
  }

  @Test
  void rowFormatWithNamedInputsAndASpecificVersion() {
    Http.Reply reply = Http.post(uri, "/v1/models/grid/versions/1:predict",
        "{\"signature_name\": \"serving_default\", \"instances\": [{\"grid\": [[1, 2], [3, 4]]}]}");
    assertEquals(200, reply.status(), reply.body());
    assertRows(new float[][] {gridV1.get("label")[0]}, reply.json().get("predictions"));
  }

  @Test
  void rowFormatWithSeveralInputsAndOutputs() {
    Http.Reply reply = Http.post(uri, "/v1/models/two:predict",
        "{\"instances\": [{\"a\": [0.5, -1, 2], \"b\": [3, 1]}, {\"a\": [1, 0, -3], \"b\": [0, 2]}]}");
    assertEquals(200, reply.status(), reply.body());
    JsonNode predictions = reply.json().get("predictions");
    for (int r = 0; r < 2; r++) {
      assertRow(two.get("score")[r], predictions.get(r).get("score"));
      assertRow(two.get("odds")[r], predictions.get(r).get("odds"));
    }
  }

  @Test
  void columnarFormatWithSeveralInputs() {
    Http.Reply reply = Http.post(uri, "/v1/models/two:predict",
        "{\"inputs\": {\"a\": [[0.5, -1, 2], [1, 0, -3]], \"b\": [[3, 1], [0, 2]]}}");
    assertEquals(200, reply.status(), reply.body());
    JsonNode outputs = reply.json().get("outputs");
    assertRows(two.get("score"), outputs.get("score"));
    assertRows(two.get("odds"), outputs.get("odds"));
  }

  @Test
  void columnarFormatWithOneInputAndOneOutput() {
    Http.Reply reply = Http.post(uri, "/v1/models/grid:predict", "{\"inputs\": [[[1, 2], [3, 4]]]}");
    assertEquals(200, reply.status(), reply.body());
    assertRows(new float[][] {gridV2.get("label")[0]}, reply.json().get("outputs"));
  }

  @Test
  void acceptsNanAndInfinityAsTensorFlowServingDoes() {
    Http.Reply reply = Http.post(uri, "/v1/models/grid:predict", "{\"instances\": [[[NaN, 1], [Infinity, -Infinity]]]}");
    assertEquals(200, reply.status(), reply.body());
    assertTrue(reply.body().contains("NaN"), reply.body());
  }

  @Test
  void statusAndMetadata() {
    Http.Reply status = Http.get(uri, "/v1/models/grid");
    assertEquals(200, status.status(), status.body());
    JsonNode versions = status.json().get("model_version_status");
    assertEquals("2", versions.get(0).get("version").asText());
    assertEquals("AVAILABLE", versions.get(0).get("state").asText());
    assertEquals("OK", versions.get(0).get("status").get("error_code").asText());
    assertEquals("1", versions.get(1).get("version").asText());
    Http.Reply one = Http.get(uri, "/v1/models/grid/versions/1");
    assertEquals(1, one.json().get("model_version_status").size());

    Http.Reply metadata = Http.get(uri, "/v1/models/two/metadata");
    assertEquals(200, metadata.status(), metadata.body());
    JsonNode json = metadata.json();
    assertEquals("5", json.get("model_spec").get("version").asText());
    JsonNode signature = json.at("/metadata/signature_def/signature_def/serving_default");
    assertEquals("tensorflow/serving/predict", signature.get("method_name").asText());
    assertEquals("DT_INT32", signature.at("/inputs/b/dtype").asText());
    assertEquals("-1", signature.at("/inputs/a/tensor_shape/dim/0/size").asText());
    assertEquals("3", signature.at("/inputs/a/tensor_shape/dim/1/size").asText());
    assertEquals("output.odds:0", signature.at("/outputs/odds/name").asText());
    assertEquals(200, Http.get(uri, "/v1/models/grid/versions/1/metadata").status());
  }

  @Test
  void badInputIs400() {
    assertError(400, "JSON Parse error", Http.post(uri, "/v1/models/grid:predict", "{\"instances\": [1,"));
    assertError(400, "Missing 'inputs' or 'instances'", Http.post(uri, "/v1/models/grid:predict", "{}"));
    assertError(400, "Not both", Http.post(uri, "/v1/models/grid:predict", "{\"instances\": [], \"inputs\": []}"));
    assertError(400, "expects [2, 2]", Http.post(uri, "/v1/models/grid:predict", "{\"instances\": [[1, 2, 3, 4]]}"));
    assertError(400, "not a dense tensor", Http.post(uri, "/v1/models/grid:predict", "{\"instances\": [[[1, 2], [3]]]}"));
    assertError(400, "lacks input 'b'", Http.post(uri, "/v1/models/two:predict", "{\"instances\": [{\"a\": [1, 2, 3]}]}"));
    assertError(400, "name them", Http.post(uri, "/v1/models/two:predict", "{\"instances\": [[1, 2, 3]]}"));
    assertError(400, "names input 'c'", Http.post(uri, "/v1/models/two:predict",
        "{\"inputs\": {\"a\": [[1, 2, 3]], \"b\": [[1, 2]], \"c\": [1]}}"));
    assertError(400, "DT_INT32", Http.post(uri, "/v1/models/two:predict",
        "{\"inputs\": {\"a\": [[1, 2, 3]], \"b\": [[1.5, 2]]}}"));
    assertError(400, "same batch size", Http.post(uri, "/v1/models/two:predict",
        "{\"inputs\": {\"a\": [[1, 2, 3]], \"b\": [[1, 2], [3, 4]]}}"));
    assertError(400, "where a number is expected", Http.post(uri, "/v1/models/grid:predict",
        "{\"instances\": [[[\"x\", 2], [3, 4]]]}"));
  }

  @Test
  void unknownModelVersionOrSignatureIs404() {
    assertError(404, "Servable not found", Http.post(uri, "/v1/models/nope:predict", "{\"instances\": [1]}"));
    assertError(404, "Specific(grid, 7)", Http.post(uri, "/v1/models/grid/versions/7:predict", "{\"instances\": [1]}"));
    assertError(404, "Serving signature name: \"other\" not found", Http.post(uri, "/v1/models/grid:predict",
        "{\"signature_name\": \"other\", \"instances\": [[[1, 2], [3, 4]]]}"));
    assertError(404, "Could not find version 9", Http.get(uri, "/v1/models/grid/versions/9"));
    assertError(404, "Malformed request", Http.get(uri, "/v2/other"));
    assertError(405, "takes POST", Http.get(uri, "/v1/models/grid:predict"));
  }

  @Test
  void tooLargeBodyIs413() {
    String big = "{\"instances\": [" + "[[1, 2], [3, 4]],".repeat(400) + "[[1, 2], [3, 4]]]}";
    assertError(413, "exceeds the limit of 4096 bytes", Http.post(uri, "/v1/models/grid:predict", big));
  }

  @Test
  void concurrentRequestsAreBatchedAndMeasured() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Http.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        replies.add(pool.submit(() -> Http.post(uri, "/v1/models/grid:predict", "{\"instances\": [[[1, 2], [3, 4]]]}")));
      }
      for (Future<Http.Reply> reply : replies) {
        assertEquals(200, reply.get().status(), reply.get().body());
        assertRows(new float[][] {gridV2.get("label")[0]}, reply.get().json().get("predictions"));
      }
    } finally {
      pool.shutdownNow();
    }
    Http.Reply metrics = Http.get(uri, "/monitoring/prometheus/metrics");
    assertEquals(200, metrics.status());
    String text = metrics.body();
    assertTrue(text.contains("deepwire_serving_requests_seconds_count{api=\"predict\",model=\"grid\",status=\"200\"}"), text);
    assertTrue(text.contains("deepwire_serving_batch_size_count{model=\"grid\"}"), text);
    assertTrue(text.contains("deepwire_serving_batch_size_max{model=\"grid\"}"), text);
  }

  @Test
  void healthListsTheLoadedVersions() {
    Http.Reply health = Http.get(uri, "/health");
    assertEquals(200, health.status(), health.body());
    assertEquals("UP", health.json().get("status").asText());
    assertEquals("[\"1\",\"2\"]", health.json().get("models").get("grid").toString());
  }

  static void assertError(int status, String fragment, Http.Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.error().contains(fragment), () -> "'" + fragment + "' not in " + reply.body());
  }

  static void assertRows(float[][] expected, JsonNode rows) {
    assertEquals(expected.length, rows.size(), rows.toString());
    for (int r = 0; r < expected.length; r++) {
      assertRow(expected[r], rows.get(r));
    }
  }

  static void assertRow(float[] expected, JsonNode row) {
    assertEquals(expected.length, row.size(), row.toString());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], row.get(i).floatValue(), 1e-6f, row.toString());
    }
  }

  static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }
}
