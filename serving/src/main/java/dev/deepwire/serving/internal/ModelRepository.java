package dev.deepwire.serving.internal;

import dev.deepwire.serving.ServerConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Every served model, kept up to date by polling their base folders. */
public final class ModelRepository implements AutoCloseable {

  private final Map<String, ModelVersions> models = new LinkedHashMap<>();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "deepwire-model-poller");
    thread.setDaemon(true);
    return thread;
  });

  public ModelRepository(ServerConfig config, ServingMetrics metrics) {
    config.models().forEach((name, base) -> models.put(name,
        new ModelVersions(name, base, config.intraOpThreads(), config.batchingOf(name), metrics)));
  }

  /** Loads what is there now, then polls every {@code intervalMillis}. */
  public void start(long intervalMillis) {
    refresh();
    poller.scheduleWithFixedDelay(this::refresh, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  /** Scans every base folder now. */
  public void refresh() {
    models.values().forEach(ModelVersions::refresh);
  }

  /** The model called {@code name}; 404 if not served. */
  public ModelVersions model(String name) {
    ModelVersions model = models.get(name);
    if (model == null) {
      throw ServingError.notFound("Servable not found for request: Latest(" + name + "); served models: "
          + models.keySet());
    }
    return model;
  }

  /** All models, in configuration order. */
  public Map<String, ModelVersions> models() {
    return java.util.Collections.unmodifiableMap(models);
  }

  @Override
  public void close() {
    poller.shutdownNow();
    try {
      poller.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    models.values().forEach(ModelVersions::close);
  }
}
