package dev.deepwire.serving.internal;

import dev.deepwire.runtime.export.ServingLayout;
import dev.deepwire.serving.BatchingConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.proto.ConfigProto;

/**
 * One loaded version of a model: its SavedModel bundle, a runner (and batcher) per signature, and a
 * reference count so that unloading waits for the requests using it.
 */
public final class Servable {

  private final String model;
  private final long version;
  private final SavedModelBundle bundle;
  private final Map<String, SignatureRunner> runners;
  private final Map<String, Batcher> batchers = new LinkedHashMap<>();
  private final BatchingConfig batching;
  private final AtomicInteger expected = new AtomicInteger();
  /** Users plus one for the repository while the version is served; -1 once closed. */
  private final AtomicInteger references = new AtomicInteger(1);

  private Servable(String model, long version, SavedModelBundle bundle, BatchingConfig batching,
      ServingMetrics metrics) {
    this.model = model;
    this.version = version;
    this.bundle = bundle;
    this.batching = batching;
    Map<String, SignatureRunner> byKey = new LinkedHashMap<>();
    new TreeMap<>(bundle.metaGraphDef().getSignatureDefMap()).forEach((key, def) ->
        byKey.put(key, new SignatureRunner(bundle.session(), ServingSignature.of(key, def))));
    this.runners = byKey;
    if (batching.enabled()) {
      byKey.forEach((key, runner) -> batchers.put(key,
          new Batcher(model, batching, runner, expected, rows -> metrics.batch(model, rows))));
    }
  }

  /** Loads version {@code version} of {@code model} from {@code dir} (tag {@code serve}). */
  public static Servable load(String model, long version, Path dir, int intraOpThreads, BatchingConfig batching,
      ServingMetrics metrics) {
    ConfigProto config = ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(intraOpThreads)
        .setInterOpParallelismThreads(1)
        .build();
    SavedModelBundle bundle = SavedModelBundle.loader(dir.toString())
        .withTags(ServingLayout.TAG)
        .withConfigProto(config)
        .load();
    try {
      return new Servable(model, version, bundle, batching, metrics);
    } catch (RuntimeException e) {
      bundle.close();
      throw e;
    }
  }

  public String model() {
    return model;
  }

  public long version() {
    return version;
  }

  /** Signatures by key, sorted. */
  public Map<String, ServingSignature> signatures() {
    Map<String, ServingSignature> all = new LinkedHashMap<>();
    runners.forEach((key, runner) -> all.put(key, runner.signature()));
    return all;
  }

  /** The signature {@code key}, {@code serving_default} when null or empty; 404 if absent. */
  public ServingSignature signature(String key) {
    return runner(key).signature();
  }

  /** Counts one request whose body is being read, so batches wait for it. */
  public void expect() {
    expected.incrementAndGet();
  }

  /** Withdraws {@link #expect()} for a request that failed before {@link #predict}. */
  public void forget() {
    expected.decrementAndGet();
  }

  /** Runs an {@link #expect() expected} request through its signature's batcher (or directly). */
  public Map<String, TensorValue> predict(String signatureKey, PredictRequest request) {
    CompletableFuture<Map<String, TensorValue>> pending;
    SignatureRunner runner;
    Batcher alone = null;
    try {
      runner = runner(signatureKey);
      Batcher batcher = batchers.get(runner.signature().key());
      if (batcher == null || request.rows() > batching.maxBatchSize()) {
        pending = null;
      } else if (batcher.claimAlone()) {
        alone = batcher;
        pending = null;
      } else {
        pending = batcher.submit(request.inputs(), request.rows());
      }
    } finally {
      expected.decrementAndGet();
    }
    if (alone != null) {
      return alone.runAlone(request.inputs(), request.rows());
    }
    if (pending == null) {
      return runner.run(request.inputs());
    }
    try {
      return pending.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw ServingError.internal(String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ServingError.unavailable("interrupted while waiting for the batch");
    }
  }

  private SignatureRunner runner(String key) {
    String wanted = key == null || key.isEmpty() ? ServingLayout.SIGNATURE_KEY : key;
    SignatureRunner runner = runners.get(wanted);
    if (runner == null) {
      throw ServingError.notFound("Serving signature name: \"" + wanted + "\" not found in signature def; "
          + model + " version " + version + " has " + runners.keySet());
    }
    return runner;
  }

  /** Takes a reference for one request; false once the version is unloaded. */
  public boolean acquire() {
    while (true) {
      int count = references.get();
      if (count <= 0) {
        return false;
      }
      if (references.compareAndSet(count, count + 1)) {
        return true;
      }
    }
  }

  /** Returns a reference; the last one closes the bundle. */
  public void release() {
    if (references.decrementAndGet() == 0 && references.compareAndSet(0, -1)) {
      batchers.values().forEach(Batcher::close);
      bundle.close();
    }
  }

  /** Stops serving: the bundle closes when the last request using it finishes. */
  public void retire() {
    release();
  }
}
