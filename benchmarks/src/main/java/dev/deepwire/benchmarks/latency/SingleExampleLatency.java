package dev.deepwire.benchmarks.latency;

import static dev.deepwire.benchmarks.Harness.option;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import dev.deepwire.benchmarks.peers.BenchMlp;
import dev.deepwire.benchmarks.peers.BenchMlpModule;
import dev.deepwire.benchmarks.suite.CaseResult;
import dev.deepwire.benchmarks.suite.Samples;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.RuntimeOptions;
import dev.deepwire.runtime.internal.RawSingleExampleRunner;
import dev.deepwire.runtime.internal.SingleExamplePath;
import dev.deepwire.runtime.internal.SingleExampleRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Single-example latency of the peer table's MLP (784-256-128-10) through each single-example path of the
 * runtime, in one JVM on one session: {@code runner} (pooled {@code Session.Runner}), {@code raw}
 * ({@code TF_SessionRun} on the C API), {@code raw-inline} (the same, run on the calling thread) and
 * {@code predictor} ({@code Predictor.predict(float[])}, whatever path it chose). Many short rounds, the paths'
 * order rotating each round, so a busy spell of the shared machine hits every path alike. Prints one JSON line
 * per path: the median of all its calls in µs with p10–p90, the ratio of its median to the first path's, and
 * the median of the per-round ratios. Set {@code TF_ENABLE_ONEDNN_OPTS=0} to time TensorFlow's Eigen kernels
 * instead of oneDNN's (the line says which ran).
 *
 * <p>Usage: {@code java -cp "benchmarks/target/deepwire-benchmarks.jar:benchmarks/target/lib/*"
 * dev.deepwire.benchmarks.latency.SingleExampleLatency [--path runner,raw,raw-inline,predictor] [--rounds 200]
 * [--calls 100] [--intra-op-threads N]}
 */
public final class SingleExampleLatency {

  private static final int PIXELS = 784;

  private SingleExampleLatency() {}

  public static void main(String[] args) throws Exception {
    List<String> names = List.of(option(args, "--path", "runner,raw,raw-inline,predictor").split(","));
    int rounds = Integer.parseInt(option(args, "--rounds", "200"));
    int calls = Integer.parseInt(option(args, "--calls", "100"));
    int intraOp = Integer.parseInt(option(args, "--intra-op-threads",
        String.valueOf(Runtime.getRuntime().availableProcessors())));
    float[][] examples = examples(256);
    RuntimeOptions options = new RuntimeOptions(42, intraOp, 1);
    var injector = Guice.createInjector(new BenchMlpModule(), binder ->
        OptionalBinder.newOptionalBinder(binder, RuntimeOptions.class).setBinding().toInstance(options));
    String loadBefore = loadAverage();
    try (CompiledModel<BenchMlp> model =
        injector.getInstance(Key.get(new TypeLiteral<CompiledModel<BenchMlp>>() {}))) {
      Map<String, SingleExamplePath> paths = new LinkedHashMap<>();
      try {
        for (String name : names) {
          paths.put(name, open(name, model));
        }
        Map<String, List<Double>> micros = new LinkedHashMap<>();
        Map<String, List<Double>> roundMedians = new LinkedHashMap<>();
        paths.forEach((name, path) -> {
          time(path, examples, calls * 10, new ArrayList<>()); // warm-up: executors built, JIT compiled
          micros.put(name, new ArrayList<>());
          roundMedians.put(name, new ArrayList<>());
        });
        List<String> order = new ArrayList<>(paths.keySet());
        for (int round = 0; round < rounds; round++) {
          for (int k = 0; k < order.size(); k++) {
            String name = order.get((round + k) % order.size());
            List<Double> these = new ArrayList<>(calls);
            time(paths.get(name), examples, calls, these);
            micros.get(name).addAll(these);
            roundMedians.get(name).add(Samples.median(these));
          }
        }
        String base = order.get(0);
        double baseMedian = Samples.median(micros.get(base));
        String loadAfter = loadAverage();
        for (String name : order) {
          List<Double> all = micros.get(name);
          List<Double> ratios = new ArrayList<>();
          for (int r = 0; r < rounds; r++) {
            ratios.add(roundMedians.get(name).get(r) / roundMedians.get(base).get(r));
          }
          new CaseResult("deepwire/" + name, "bench-mlp", "latency", "us", Samples.median(all),
              Samples.quantile(all, 0.1), Samples.quantile(all, 0.9), all.size(),
              Map.of("batch", 1, "spread", "p10-p90"))
              .with("ratio_of_medians_to_" + base, Samples.median(all) / baseMedian)
              .with("median_round_ratio_to_" + base, Samples.median(ratios))
              .with("rounds", rounds).with("calls_per_round", calls).with("intra_op_threads", intraOp)
              .with("load_before", loadBefore).with("load_after", loadAfter)
              .with("TF_ENABLE_ONEDNN_OPTS", System.getenv().getOrDefault("TF_ENABLE_ONEDNN_OPTS", "unset"))
              .print();
        }
      } finally {
        paths.values().forEach(SingleExamplePath::close); // before the model closes its session
      }
    }
  }

  private static SingleExamplePath open(String name, CompiledModel<BenchMlp> model) {
    Operand<?> input = model.graph().operation("input.image").output(0);
    Operand<TFloat32> output = model.graph().operation("output.label").output(0);
    return switch (name) {
      case "runner" -> new SingleExampleRunner(model.session(), input, output, 10);
      case "raw" -> RawSingleExampleRunner.open(model.session(), input, output, 10, false);
      case "raw-inline" -> RawSingleExampleRunner.open(model.session(), input, output, 10, true);
      case "predictor" -> new SingleExamplePath() {
        @Override
        public float[] predict(float[] example) {
          return model.predictor().predict(example);
        }

        @Override
        public void close() {}
      };
      default -> throw new IllegalArgumentException("unknown path " + name
          + "; expected runner, raw, raw-inline or predictor");
    };
  }

  /** Times {@code calls} single-example calls one by one, in µs. */
  private static void time(SingleExamplePath path, float[][] examples, int calls, List<Double> micros) {
    for (int i = 0; i < calls; i++) {
      float[] example = examples[i % examples.length];
      long t0 = System.nanoTime();
      path.predict(example);
      micros.add((System.nanoTime() - t0) / 1e3);
    }
  }

  private static float[][] examples(int count) throws IOException {
    float[] pixels = FashionMnist.load(DataSource.bundled()).test().floats(FashionMnist.IMAGE).values();
    float[][] rows = new float[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = Arrays.copyOfRange(pixels, i * PIXELS, (i + 1) * PIXELS);
    }
    return rows;
  }

  /** The 1, 5 and 15 minute load averages: the machine is shared, every figure goes with its load. */
  private static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }
}
