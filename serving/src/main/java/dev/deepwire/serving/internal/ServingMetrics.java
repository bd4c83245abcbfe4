package dev.deepwire.serving.internal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The server's meters: {@code deepwire_serving_requests_seconds} (count and latency by model, API and
 * HTTP status) and {@code deepwire_serving_batch_size} (rows per session run, by model).
 */
public final class ServingMetrics {

  /** Bounds the cache of timers: model names come from URLs. */
  private static final int MAX_CACHED = 1024;

  private final MeterRegistry registry;
  /** Registered timers by tags, so that a request skips building and looking up its meter id. */
  private final Map<RequestKey, Timer> timers = new ConcurrentHashMap<>();

  private final Map<String, DistributionSummary> summaries = new ConcurrentHashMap<>();

  private record RequestKey(String model, String api, int status) {}

  public ServingMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records one answered request. */
  public void request(String model, String api, int status, long nanos) {
    Timer timer = timers.get(new RequestKey(model, api, status));
    if (timer == null) {
      timer = Timer.builder("deepwire.serving.requests")
          .description("HTTP requests answered, by model, API and status")
          .tag("model", model)
          .tag("api", api)
          .tag("status", Integer.toString(status))
          .register(registry);
      if (timers.size() < MAX_CACHED) {
        timers.put(new RequestKey(model, api, status), timer);
      }
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Records the rows of one session run of {@code model}. */
  public void batch(String model, int rows) {
    summaries.computeIfAbsent(model, name -> DistributionSummary.builder("deepwire.serving.batch.size")
        .description("rows per session run")
        .tag("model", name)
        .register(registry)).record(rows);
  }
}
