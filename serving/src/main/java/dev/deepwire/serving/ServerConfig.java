package dev.deepwire.serving;

import dev.deepwire.runtime.CpuKernels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a {@link ModelServer} serves and how: its models (name → base folder of numbered SavedModel
 * versions), address, batching, limits and polling.
 *
 * @param host the address bound; {@code 127.0.0.1} unless the server must be reachable from elsewhere
 * @param port the port, 0 for any free one
 * @param models base folders by model name; each holds versions {@code <base>/<n>/saved_model.pb}
 * @param batching batching of models without their own entry in {@code modelBatching}
 * @param modelBatching batching per model name
 * @param maxBodyBytes larger request bodies get 413
 * @param pollInterval how often base folders are scanned for new or removed versions
 * @param shutdownTimeout how long closing waits for requests in flight
 * @param shutdownIdleTimeout during closing, how long a connection may send nothing before it is cut: short,
 *     so idle keep-alive connections do not hold the close up, long enough for a client still sending a body
 * @param httpThreads the most HTTP worker threads
 * @param intraOpThreads TensorFlow threads inside one op of a session run
 * @param authToken when not empty, every request but {@code /health} needs {@code Authorization: Bearer <token>}
 * @param maxRowsPerRequest predict requests with more instances get 400
 * @param maxConcurrentRequests predict requests beyond this many at once get 429
 * @param cpuKernels TensorFlow's CPU kernels, asked for when the server starts if nothing in the process has
 *     loaded TensorFlow yet and the user chose none ({@link CpuKernels#prefer}); Eigen by default, the fastest
 *     for requests of one or a few examples, oneDNN for large batches of convolutions
 */
public record ServerConfig(
    String host,
    int port,
    Map<String, Path> models,
    BatchingConfig batching,
    Map<String, BatchingConfig> modelBatching,
    long maxBodyBytes,
    Duration pollInterval,
    Duration shutdownTimeout,
    Duration shutdownIdleTimeout,
    int httpThreads,
    int intraOpThreads,
    String authToken,
    int maxRowsPerRequest,
    int maxConcurrentRequests,
    CpuKernels cpuKernels) {

  /** Model names as TF Serving clients write them; nothing that could reach outside a folder or a URL segment. */
  private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

  public ServerConfig {
    models = Map.copyOf(models);
    modelBatching = Map.copyOf(modelBatching);
    if (port < 0 || port > 65535 || maxBodyBytes < 1 || httpThreads < 8 || intraOpThreads < 1
        || maxRowsPerRequest < 1 || maxConcurrentRequests < 1) {
      throw new IllegalArgumentException("invalid server config: port " + port + ", maxBodyBytes " + maxBodyBytes
          + ", httpThreads " + httpThreads + " (>= 8), intraOpThreads " + intraOpThreads + ", maxRowsPerRequest "
          + maxRowsPerRequest + ", maxConcurrentRequests " + maxConcurrentRequests);
    }
    for (String name : models.keySet()) {
      if (!MODEL_NAME.matcher(name).matches() || name.contains("..")) {
        throw new IllegalArgumentException("invalid model name '" + name + "': use letters, digits, '_', '.' and"
            + " '-' (no '..'), starting with a letter or digit, at most 128 characters");
      }
    }
    if (cpuKernels == null) {
      throw new IllegalArgumentException("cpuKernels must be set (EIGEN or ONEDNN)");
    }
    if (authToken == null || authToken.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new IllegalArgumentException("the auth token must be printable ASCII without spaces (empty for none)");
    }
    for (String name : modelBatching.keySet()) {
      if (!models.containsKey(name)) {
        throw new IllegalArgumentException("batching is configured for unknown model '" + name + "'");
      }
    }
  }

  /**
   * Starts a config with the defaults: 127.0.0.1:8501, no batching, 32 MiB bodies, polling every second, no
   * token, at most 10,000 rows per request, 256 predict requests at once, Eigen CPU kernels.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The batching of model {@code name}. */
  public BatchingConfig batchingOf(String name) {
    return modelBatching.getOrDefault(name, batching);
  }

  /** Collects a {@link ServerConfig}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8501;
    private final Map<String, Path> models = new LinkedHashMap<>();
    private BatchingConfig batching = BatchingConfig.off();
    private final Map<String, BatchingConfig> modelBatching = new LinkedHashMap<>();
    private long maxBodyBytes = 32L << 20;
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration shutdownTimeout = Duration.ofSeconds(10);
    private Duration shutdownIdleTimeout = Duration.ofSeconds(1);
    private int httpThreads = 200;
    private int intraOpThreads = Runtime.getRuntime().availableProcessors();
    private String authToken = "";
    private int maxRowsPerRequest = 10_000;
    private int maxConcurrentRequests = 256;
    private CpuKernels cpuKernels = CpuKernels.EIGEN;

    private Builder() {}

    public Builder host(String value) {
      this.host = value;
      return this;
    }

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /** Serves the versions under {@code base} as model {@code name}. */
    public Builder model(String name, Path base) {
      models.put(name, base);
      return this;
    }

    /** Batching of every model without its own. */
    public Builder batching(BatchingConfig value) {
      this.batching = value;
      return this;
    }

    /** Batching of model {@code name}. */
    public Builder batching(String name, BatchingConfig value) {
      modelBatching.put(name, value);
      return this;
    }

    public Builder maxBodyBytes(long value) {
      this.maxBodyBytes = value;
      return this;
    }

    public Builder pollInterval(Duration value) {
      this.pollInterval = value;
      return this;
    }

    public Builder shutdownTimeout(Duration value) {
      this.shutdownTimeout = value;
      return this;
    }

    public Builder shutdownIdleTimeout(Duration value) {
      this.shutdownIdleTimeout = value;
      return this;
    }

    public Builder httpThreads(int value) {
      this.httpThreads = value;
      return this;
    }

    public Builder intraOpThreads(int value) {
      this.intraOpThreads = value;
      return this;
    }

    /** Requires {@code Authorization: Bearer <token>} on every request but {@code /health}; empty for none. */
    public Builder authToken(String value) {
      this.authToken = value;
      return this;
    }

    public Builder maxRowsPerRequest(int value) {
      this.maxRowsPerRequest = value;
      return this;
    }

    public Builder maxConcurrentRequests(int value) {
      this.maxConcurrentRequests = value;
      return this;
    }

    public Builder cpuKernels(CpuKernels value) {
      this.cpuKernels = value;
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(host, port, models, batching, modelBatching, maxBodyBytes, pollInterval,
          shutdownTimeout, shutdownIdleTimeout, httpThreads, intraOpThreads, authToken, maxRowsPerRequest,
          maxConcurrentRequests, cpuKernels);
    }
  }
}
