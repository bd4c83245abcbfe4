package dev.deepwire.benchmarks.cnn;

import static dev.deepwire.benchmarks.Harness.median;
import static dev.deepwire.benchmarks.Harness.option;
import static dev.deepwire.benchmarks.Harness.printRatio;
import static dev.deepwire.benchmarks.Harness.time;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import dev.deepwire.examples.cnn.FashionCnn;
import dev.deepwire.examples.cnn.FashionCnnModule;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.FitOptions;
import dev.deepwire.runtime.RuntimeOptions;
import dev.deepwire.runtime.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times a training epoch of the generated {@code FashionCnn} (through Guice, {@code Trainer.fit}) against
 * the same network hand-written in TensorFlow Java ({@link HandWrittenFashionCnn}), in one JVM, rounds
 * interleaved. Prints each side's median epoch time, examples per second and their ratio.
 *
 * <p>Usage: {@code java -cp benchmarks/target/deepwire-benchmarks.jar:benchmarks/target/lib/*
 * dev.deepwire.benchmarks.cnn.CnnGeneratedVsHandWritten [--data bundled|full|DIR] [--rounds N] [--batch B]
 * [--limit EXAMPLES]}
 */
public final class CnnGeneratedVsHandWritten {

  private CnnGeneratedVsHandWritten() {}

  public static void main(String[] args) throws Exception {
    String data = option(args, "--data", "bundled");
    int rounds = Integer.parseInt(option(args, "--rounds", "5"));
    int batch = Integer.parseInt(option(args, "--batch", "64"));
    int threads = Integer.parseInt(option(args, "--threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
    Dataset all = FashionMnist.load(DataSource.parse(data)).train();
    int limit = Integer.parseInt(option(args, "--limit", String.valueOf(all.size())));
    Dataset train = limit < all.size() ? all.slice(0, limit) : all;
    RuntimeOptions options = new RuntimeOptions(42, threads, 1);

    var injector = Guice.createInjector(new FashionCnnModule(), binder ->
        OptionalBinder.newOptionalBinder(binder, RuntimeOptions.class).setBinding().toInstance(options));
    List<Double> generated = new ArrayList<>();
    List<Double> handWritten = new ArrayList<>();
    try (CompiledModel<FashionCnn> model = injector.getInstance(Key.get(new TypeLiteral<CompiledModel<FashionCnn>>() {}));
         HandWrittenFashionCnn baseline = new HandWrittenFashionCnn(42, threads)) {
      model.trainer().fit(train, FitOptions.builder().epochs(1).batchSize(batch).progressBar(false).build());
      baseline.epoch(train, batch, 0);
      for (int round = 1; round <= rounds; round++) {
        boolean generatedFirst = round % 2 == 1;
        double baselineSeconds = 0;
        if (!generatedFirst) {
          int seed = round;
          baselineSeconds = time(() -> baseline.epoch(train, batch, seed));
        }
        int seed = round;
        double generatedSeconds = time(() -> model.trainer().fit(train, FitOptions.builder().epochs(1)
            .batchSize(batch).seed(seed).progressBar(false).build()));
        if (generatedFirst) {
          baselineSeconds = time(() -> baseline.epoch(train, batch, seed));
        }
        generated.add(generatedSeconds);
        handWritten.add(baselineSeconds);
        System.out.printf(Locale.ROOT, "round %d: generated %.3f s, hand-written %.3f s%n",
            round, generatedSeconds, baselineSeconds);
      }
    }
    double g = median(generated);
    double h = median(handWritten);
    int steps = (train.size() + batch - 1) / batch;
    System.out.printf(Locale.ROOT, "FashionCnn epoch on %d examples, batch %d (%d steps), %d threads%n",
        train.size(), batch, steps, threads);
    System.out.printf(Locale.ROOT, "generated (Trainer.fit): median %.3f s/epoch = %.0f us/step = %.0f examples/s%n",
        g, g / steps * 1e6, train.size() / g);
    System.out.printf(Locale.ROOT, "hand-written TF Java:    median %.3f s/epoch = %.0f us/step = %.0f examples/s%n",
        h, h / steps * 1e6, train.size() / h);
    System.out.printf(Locale.ROOT, "ratio generated / hand-written = %.3f%n", g / h);
    printRatio("fashion-cnn", "train_step", generated, handWritten);
  }
}
