package dev.deepwire.serving;

import dev.deepwire.runtime.CpuKernels;
import dev.deepwire.serving.internal.ModelRepository;
import dev.deepwire.serving.internal.RestHandler;
import dev.deepwire.serving.internal.ServingMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves SavedModels over TensorFlow Serving's REST API on an embedded Jetty: predict (row and columnar
 * JSON), model status and metadata, with micro-batching, Prometheus metrics at
 * {@code /monitoring/prometheus/metrics}, {@code /health}, a body size limit and hot loading of new
 * versions. {@link #close()} stops accepting requests and finishes those in flight first.
 */
public final class ModelServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ModelServer.class);

  private final ServerConfig config;
  private final PrometheusMeterRegistry registry;
  private final ModelRepository repository;
  private final Server jetty;
  private final ServerConnector connector;
  private final GracefulHandler graceful;
  private boolean started;

  @Inject
  public ModelServer(ServerConfig config, PrometheusMeterRegistry registry) {
    this.config = config;
    this.registry = registry;
    ServingMetrics metrics = new ServingMetrics(registry);
    this.repository = new ModelRepository(config, metrics);
    QueuedThreadPool threads = new QueuedThreadPool(config.httpThreads(), Math.min(8, config.httpThreads()));
    threads.setName("deepwire-http");
    threads.setDaemon(true);
    this.jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setShutdownIdleTimeout(config.shutdownIdleTimeout().toMillis());
    jetty.addConnector(connector);
    this.graceful = new GracefulHandler();
    graceful.setHandler(new RestHandler(repository, registry, metrics, config));
    jetty.setHandler(graceful);
    jetty.setStopTimeout(config.shutdownTimeout().toMillis());
    jetty.setStopAtShutdown(false);
    Gauge.builder("deepwire.serving.requests.in.flight", graceful, GracefulHandler::getCurrentRequestCount)
        .description("HTTP requests being handled")
        .register(registry);
  }

  /** Loads every model's versions, then listens; returns at once. */
  public synchronized ModelServer start() {
    if (started) {
      return this;
    }
    // Before the first model loads: TensorFlow reads its kernel switch once, when its library loads.
    CpuKernels kernels = CpuKernels.prefer(config.cpuKernels());
    log.info("TensorFlow CPU kernels: {}", kernels.optionName());
    repository.start(Math.max(1, config.pollInterval().toMillis()));
    try {
      jetty.start();
    } catch (Exception e) {
      repository.close();
      throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    started = true;
    return this;
  }

  /** The port listened on (the chosen one when configured with 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://host:port}. */
  public URI uri() {
    return URI.create("http://" + config.host() + ":" + port());
  }

  /** HTTP requests being handled now. */
  public long inFlight() {
    return graceful.getCurrentRequestCount();
  }

  /** Scans the models' base folders now instead of at the next poll. */
  public void refresh() {
    repository.refresh();
  }

  /** The meters, also scraped at {@code /monitoring/prometheus/metrics}. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Stops accepting requests, waits up to the shutdown timeout for those in flight, then unloads models. */
  @Override
  public synchronized void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the server failed: " + e.getMessage(), e);
    } finally {
      repository.close();
      started = false;
    }
  }
}
