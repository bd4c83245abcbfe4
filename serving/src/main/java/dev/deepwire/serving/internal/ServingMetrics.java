package dev.deepwire.serving.internal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The server's meters: {@code deepwire_serving_requests_seconds} (count and latency by model, API and
 * HTTP status) and {@code deepwire_serving_batch_size} (rows per session run, by model).
 */
public final class ServingMetrics {

  private final MeterRegistry registry;

  public ServingMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records one answered request. */
  public void request(String model, String api, int status, long nanos) {
    Timer.builder("deepwire.serving.requests")
        .description("HTTP requests answered, by model, API and status")
        .tag("model", model)
        .tag("api", api)
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Records the rows of one session run of {@code model}. */
  public void batch(String model, int rows) {
    DistributionSummary.builder("deepwire.serving.batch.size")
        .description("rows per session run")
        .tag("model", model)
        .register(registry)
        .record(rows);
  }
}
