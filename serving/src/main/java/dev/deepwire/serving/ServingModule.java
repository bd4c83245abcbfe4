package dev.deepwire.serving;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Guice bindings of a singleton {@link ModelServer} configured by the given {@link ServerConfig}, with a
 * {@link PrometheusMeterRegistry} of its own. The server is not started: call {@code start()}.
 */
public final class ServingModule extends AbstractModule {

  private final ServerConfig config;

  public ServingModule(ServerConfig config) {
    this.config = config;
  }

  @Override
  protected void configure() {
    bind(ServerConfig.class).toInstance(config);
    bind(ModelServer.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  PrometheusMeterRegistry prometheusRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }
}
