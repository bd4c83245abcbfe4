package dev.deepwire.benchmarks.memory;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.deepwire.benchmarks.Rss;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.examples.dnn.FashionDnn;
import dev.deepwire.examples.dnn.FashionDnnModule;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.FitOptions;
import dev.deepwire.runtime.Predictor;
import dev.deepwire.runtime.diagnostics.NativeLeaks;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Runs the {@code FashionDnn} for a long time and watches resident memory: {@code --predictions} single-example
 * predictions, then {@code --steps} training steps (batch 64) on the bundled Fashion-MNIST subset. After a
 * warm-up of the first 10 %, RSS must stay flat: less than {@code --max-growth} percent above its warm value at
 * the end. Prints one line per phase and a JSON object last; exits 1 when memory grew.
 *
 * <p>Arguments: {@code [--predictions 1000000] [--steps 10000] [--max-growth 5]}.
 */
public final class NativeMemoryHarness {

  private static final int BATCH = 64;

  private NativeMemoryHarness() {}

  /** How one phase's memory went. */
  record Phase(String name, long count, long warmKib, long endKib, long peakKib, long nativeObjectsDelta,
      double seconds) {
    double growthPercent() {
      return 100.0 * (endKib - warmKib) / warmKib;
    }

    String json() {
      return String.format(Locale.ROOT, "\"%s\": {\"count\": %d, \"rss_warm_mb\": %.1f, \"rss_end_mb\": %.1f,"
          + " \"rss_peak_mb\": %.1f, \"rss_growth_pct\": %.2f, \"native_objects_delta\": %d, \"seconds\": %.1f}",
          name, count, warmKib / 1024.0, endKib / 1024.0, peakKib / 1024.0, growthPercent(), nativeObjectsDelta,
          seconds);
    }
  }

  public static void main(String[] args) throws Exception {
    long predictions = 1_000_000;
    long steps = 10_000;
    double maxGrowth = 5;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--predictions" -> predictions = Long.parseLong(args[i + 1]);
        case "--steps" -> steps = Long.parseLong(args[i + 1]);
        case "--max-growth" -> maxGrowth = Double.parseDouble(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    TrainTest data = FashionMnist.load(DataSource.bundled());
    float[] image = new float[28 * 28];
    for (int i = 0; i < image.length; i++) {
      image[i] = (i % 29) / 29f;
    }
    Phase predict;
    Phase train;
    try (CompiledModel<FashionDnn> model = Guice.createInjector(new FashionDnnModule())
        .getInstance(Key.get(new TypeLiteral<CompiledModel<FashionDnn>>() {}))) {
      Predictor<FashionDnn> predictor = model.predictor();
      predict = watch("predict", predictions, 1, n -> predictor.predict(image));
      System.out.println(predict.json());
      int stepsPerEpoch = (data.train().size() + BATCH - 1) / BATCH;
      long epochs = Math.max(1, (steps + stepsPerEpoch - 1) / stepsPerEpoch); // at least the steps asked for
      train = watch("train", epochs * stepsPerEpoch, stepsPerEpoch,
          n -> model.trainer().fit(data.train(), FitOptions.builder().epochs(1).batchSize(BATCH).progressBar(false).build()));
      System.out.println(train.json());
    }
    System.out.println("{" + predict.json() + ", " + train.json() + ", \"max_growth_pct\": " + maxGrowth + "}");
    boolean flat = predict.growthPercent() < maxGrowth && train.growthPercent() < maxGrowth;
    System.exit(flat ? 0 : 1);
  }

  /**
   * Runs {@code action} until {@code total} units are done, {@code unitsPerCall} a call, sampling RSS; the warm
   * value is taken after the first 10 %.
   */
  private static Phase watch(String name, long total, long unitsPerCall, IntConsumer action) {
    long calls = Math.max(1, total / unitsPerCall);
    long warmAt = Math.max(1, calls / 10);
    long sampleEvery = Math.max(1, calls / 100);
    long warm = 0;
    long peak = 0;
    long objects = 0;
    long start = System.nanoTime();
    for (long call = 1; call <= calls; call++) {
      action.accept((int) call);
      if (call == warmAt) {
        warm = Rss.kib();
        objects = NativeLeaks.live();
      }
      if (call % sampleEvery == 0) {
        peak = Math.max(peak, Rss.kib());
      }
    }
    return new Phase(name, calls * unitsPerCall, warm, Rss.kib(), peak, NativeLeaks.live() - objects,
        (System.nanoTime() - start) / 1e9);
  }
}
