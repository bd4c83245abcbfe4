package dev.deepwire.examples.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.dnn.FashionDnn;
import dev.deepwire.examples.dnn.FashionDnnModule;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.serving.ModelServer;
import dev.deepwire.serving.ServerConfig;
import dev.deepwire.serving.ServingModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClothingServiceTest {

  @TempDir Path base;

  @Test
  void servesOverHttpWhatTheInjectedPredictorComputes() throws Exception {
    ServerConfig config = ServerConfig.builder().port(0).model(ClothingService.MODEL, base).intraOpThreads(1).build();
    Injector injector = Guice.createInjector(new FashionDnnModule(), new ServingModule(config));
    CompiledModel<FashionDnn> model = injector.getInstance(Key.get(new TypeLiteral<CompiledModel<FashionDnn>>() {}));
    try (model; ModelServer server = injector.getInstance(ModelServer.class).start()) {
      ClothingService service = injector.getInstance(ClothingService.class);
      assertEquals(1, service.publish());

      float[] image = new float[28 * 28];
      SplittableRandom random = new SplittableRandom(5);
      Arrays.setAll(new int[image.length], i -> (int) (image[i] = (float) random.nextDouble()));
      StringBuilder rows = new StringBuilder("[");
      for (int r = 0; r < 28; r++) {
        float[] row = Arrays.copyOfRange(image, r * 28, r * 28 + 28);
        rows.append(r == 0 ? "" : ",").append(Arrays.toString(row));
      }
      String body = "{\"instances\": [" + rows + "]]}";
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(server.uri() + "/v1/models/fashion:predict"))
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      JsonNode scores = new ObjectMapper().readTree(response.body()).get("predictions").get(0);
      float[] expected = service.scores(image);
      assertEquals(10, scores.size());
      int best = 0;
      for (int i = 0; i < 10; i++) {
        assertEquals(expected[i], scores.get(i).floatValue(), 1e-5f);
        best = scores.get(i).floatValue() > scores.get(best).floatValue() ? i : best;
      }
      assertEquals(FashionMnist.CLASS_NAMES.get(best), service.classify(image));
      assertTrue(server.registry().scrape().contains("model=\"fashion\""));
    }
  }
}
