package dev.deepwire.serving.internal;

import dev.deepwire.serving.ServerConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes TensorFlow Serving's REST API ({@code /v1/models/...}), the Prometheus scrape
 * ({@code /monitoring/prometheus/metrics}) and {@code /health}; every error is {@code {"error": "..."}}.
 */
public final class RestHandler extends Handler.Abstract {

  private static final Logger LOG = LoggerFactory.getLogger(RestHandler.class);
  private static final Pattern MODEL_PATH =
      Pattern.compile("/v1/models/([^/:]+)(?:/versions/(\\d{1,18}))?(/metadata|:[A-Za-z]+)?");
  private static final String JSON = "application/json";

  private final ModelRepository repository;
  private final PrometheusMeterRegistry registry;
  private final ServingMetrics metrics;
  private final long maxBodyBytes;
  private final BearerToken token;
  private final int maxRows;
  private final Semaphore predictSlots;
  private final int maxConcurrent;

  public RestHandler(ModelRepository repository, PrometheusMeterRegistry registry, ServingMetrics metrics,
      ServerConfig config) {
    this.repository = repository;
    this.registry = registry;
    this.metrics = metrics;
    this.maxBodyBytes = config.maxBodyBytes();
    this.token = new BearerToken(config.authToken());
    this.maxRows = config.maxRowsPerRequest();
    this.maxConcurrent = config.maxConcurrentRequests();
    this.predictSlots = new Semaphore(maxConcurrent);
  }

  /** What a request asked for and how it was answered. */
  private record Answer(int status, String contentType, byte[] body) {}

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    String model = "";
    String api = "other";
    Answer answer;
    try {
      if (!path.equals("/health")) {
        token.check(request.getHeaders().get(HttpHeader.AUTHORIZATION));
      }
      Matcher matcher = MODEL_PATH.matcher(path);
      if (matcher.matches()) {
        model = matcher.group(1);
        Long version = matcher.group(2) == null ? null : Long.parseLong(matcher.group(2));
        String action = matcher.group(3);
        if (":predict".equals(action)) {
          api = "predict";
          requireMethod(method, "POST", path);
          answer = limitedPredict(request, model, version);
        } else if ("/metadata".equals(action)) {
          api = "metadata";
          requireMethod(method, "GET", path);
          answer = json(200, metadata(model, version));
        } else if (action == null) {
          api = "status";
          requireMethod(method, "GET", path);
          answer = json(200, StatusJson.status(repository.model(model), version));
        } else {
          throw ServingError.notFound("Malformed request: " + method + " " + path
              + " (this server answers :predict only)");
        }
      } else if (path.equals("/monitoring/prometheus/metrics")) {
        api = "metrics";
        requireMethod(method, "GET", path);
        answer = new Answer(200, "text/plain; version=0.0.4; charset=utf-8",
            registry.scrape().getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/health")) {
        api = "health";
        requireMethod(method, "GET", path);
        answer = health();
      } else {
        throw ServingError.notFound("Malformed request: " + method + " " + path);
      }
    } catch (ServingError e) {
      answer = json(e.status(), PredictJson.error(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", method, path, e);
      answer = json(500, PredictJson.error(e.toString()));
    }
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
    if (answer.status() == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
    }
    if (answer.status() >= 400 && method.equals("POST")) {
      // An error can leave the request body unread, and Jetty then drops the connection after the reply;
      // saying so keeps keep-alive clients from reusing it.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
    if (!api.equals("other")) {
      metrics.request(model, api, answer.status(), System.nanoTime() - start);
    }
    return true;
  }

  /** A predict within the limit of concurrent ones; beyond it, 429 at once rather than a growing queue. */
  private Answer limitedPredict(Request request, String model, Long version) {
    if (!predictSlots.tryAcquire()) {
      throw ServingError.overloaded("more than " + maxConcurrent + " predict requests at once; retry later");
    }
    try {
      return predict(request, model, version);
    } finally {
      predictSlots.release();
    }
  }

  private Answer predict(Request request, String model, Long version) {
    ModelVersions versions = repository.model(model);
    Servable servable = versions.acquire(version);
    try {
      servable.expect();
      String signatureName;
      PredictRequest parsed;
      try {
        byte[] bytes = readBody(request);
        // The streaming reader takes the usual bodies; the tree reader everything else, errors included.
        FastPredictJson.Body fast = FastPredictJson.parse(bytes);
        parsed = fast == null ? null : fast.read(servable.signature(fast.signatureName()));
        if (parsed != null) {
          signatureName = fast.signatureName();
        } else {
          PredictJson.Body body = PredictJson.parse(bytes);
          signatureName = body.signatureName();
          parsed = body.read(servable.signature(signatureName));
        }
      } catch (RuntimeException e) {
        servable.forget();
        throw e;
      }
      if (parsed.rows() > maxRows) {
        servable.forget();
        throw ServingError.badRequest("the request has " + parsed.rows() + " instances, more than the limit of "
            + maxRows + " per request; split it");
      }
      Map<String, TensorValue> outputs = servable.predict(signatureName, parsed);
      return json(200, PredictJson.response(parsed, outputs));
    } finally {
      servable.release();
    }
  }

  private byte[] metadata(String model, Long version) {
    Servable servable = repository.model(model).acquire(version);
    try {
      return StatusJson.metadata(servable);
    } finally {
      servable.release();
    }
  }

  /** 200 when every model has a version loaded, else 503; lists each model's versions. */
  private Answer health() {
    Map<String, Object> models = new LinkedHashMap<>();
    boolean ready = true;
    for (ModelVersions model : repository.models().values()) {
      models.put(model.name(), model.versions().stream().map(String::valueOf).toList());
      ready &= !model.versions().isEmpty();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "UP" : "LOADING");
    body.put("models", models);
    return json(ready ? 200 : 503, StatusJson.json(body));
  }

  private byte[] readBody(Request request) {
    long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    if (declared > maxBodyBytes) {
      throw tooLarge(declared);
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] body = in.readNBytes((int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8));
      if (body.length > maxBodyBytes) {
        throw tooLarge(-1);
      }
      return body;
    } catch (IOException e) {
      throw ServingError.badRequest("cannot read the request body: " + e.getMessage());
    }
  }

  private ServingError tooLarge(long declared) {
    return ServingError.tooLarge("the request body" + (declared >= 0 ? " of " + declared + " bytes" : "")
        + " exceeds the limit of " + maxBodyBytes + " bytes");
  }

  private static void requireMethod(String method, String expected, String path) {
    if (!method.equals(expected)) {
      throw ServingError.methodNotAllowed(path + " takes " + expected + ", not " + method);
    }
  }

  private static Answer json(int status, byte[] body) {
    return new Answer(status, JSON, body);
  }
}
