package dev.deepwire.benchmarks.abuse;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.deepwire.examples.dnn.FashionDnn;
import dev.deepwire.examples.dnn.FashionDnnModule;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.serving.BatchingConfig;
import dev.deepwire.serving.ModelServer;
import dev.deepwire.serving.ServerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Serves the {@code FashionDnn} on loopback with a bearer token and abuses it ({@link ServerAbuse}); prints the
 * figures, the last line one JSON object. Bounded: everything stays on 127.0.0.1 and stops after the hostile
 * requests are answered.
 *
 * <p>Arguments: {@code [--hostile 10000] [--hostile-threads 4] [--good-clients 4] [--quiet 2000] [--slow 4]
 * [--idle 200] [--swaps 5] [--batch-size 0] [--seed 1]}.
 */
public final class AbuseHarness {

  /** Bodies over 1 MiB get 413: small enough to send many over-limit bodies quickly. */
  static final long MAX_BODY_BYTES = 1 << 20;
  static final int MAX_ROWS = 64;

  private AbuseHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, Integer> o = new LinkedHashMap<>();
    o.put("--hostile", 10_000);
    o.put("--hostile-threads", 4);
    o.put("--good-clients", 4);
    o.put("--quiet", 2_000);
    o.put("--slow", 4);
    o.put("--idle", 200);
    o.put("--swaps", 5);
    o.put("--batch-size", 0);
    o.put("--seed", 1);
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!o.containsKey(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + o.keySet());
      }
      o.put(args[i], Integer.parseInt(args[i + 1]));
    }
    ServerAbuse.Options options = new ServerAbuse.Options(o.get("--hostile"), o.get("--hostile-threads"),
        o.get("--good-clients"), o.get("--quiet"), o.get("--slow"), o.get("--idle"), o.get("--swaps"),
        o.get("--seed"));
    AbuseReport report = run(options, o.get("--batch-size"));
    System.out.println(report.json());
    boolean passed = report.hostileServerErrors() == 0 && report.goodFailed() == 0 && report.misanswered() == 0
        && report.serverUp() && report.swaps() == options.swaps();
    System.exit(passed ? 0 : 1);
  }

  /** Exports the model, starts the server, abuses it, and stops it. */
  static AbuseReport run(ServerAbuse.Options options, int batchSize) throws Exception {
    Path root = Files.createTempDirectory("deepwire-abuse");
    Path template = root.resolve("template");
    try (CompiledModel<FashionDnn> model = Guice.createInjector(new FashionDnnModule())
        .getInstance(Key.get(new TypeLiteral<CompiledModel<FashionDnn>>() {}))) {
      model.export(template, 1);
    }
    Path base = root.resolve("fashion");
    Files.createDirectories(base);
    ServerAbuse.copyTree(template.resolve("1"), base.resolve("1"));
    byte[] secret = new byte[16];
    new Random(options.seed()).nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    ServerConfig config = ServerConfig.builder().port(0).model("fashion", base)
        .batching(batchSize > 1 ? BatchingConfig.of(batchSize, 1_000) : BatchingConfig.off())
        .maxBodyBytes(MAX_BODY_BYTES).maxRowsPerRequest(MAX_ROWS).authToken(token)
        .pollInterval(Duration.ofMillis(100)).build();
    try (ModelServer server = new ModelServer(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
        .start()) {
      HostileRequests requests = new HostileRequests("fashion", 28, 28, token, MAX_ROWS, MAX_BODY_BYTES);
      AbuseReport report = new ServerAbuse().run(
          new ServerAbuse.Target(server.uri(), "fashion", base, template.resolve("1"), token, requests), options);
      report.hostileByStatus().forEach((status, count) -> System.out.printf("hostile answered %d: %d%n", status,
          count));
      report.misansweredExamples().forEach(e -> System.out.println("misanswered: " + e));
      return report;
    }
  }
}
