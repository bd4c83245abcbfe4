package dev.deepwire.benchmarks;

import static dev.deepwire.benchmarks.Harness.median;
import static dev.deepwire.benchmarks.Harness.option;
import static dev.deepwire.benchmarks.Harness.printRatio;
import static dev.deepwire.benchmarks.Harness.time;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.dnn.FashionDnn;
import dev.deepwire.examples.dnn.FashionDnnModule;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.FitOptions;
import dev.deepwire.runtime.RuntimeOptions;
import dev.deepwire.runtime.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times a training epoch of the generated {@code FashionDnn} (through Guice, {@code Trainer.fit}) against
 * the same network hand-written in TensorFlow Java, on the same data in one JVM, rounds interleaved (and
 * the order alternated) so that both see the same machine state. Prints each side's median epoch time and their ratio.
 *
 * <p>Usage: {@code java -jar benchmarks/target/deepwire-benchmarks.jar [--data bundled|full|DIR]
 * [--rounds N] [--batch B] [--limit EXAMPLES]}
 */
public final class GeneratedVsHandWritten {

  private GeneratedVsHandWritten() {}

  public static void main(String[] args) throws Exception {
    String data = option(args, "--data", "bundled");
    int rounds = Integer.parseInt(option(args, "--rounds", "5"));
    int batch = Integer.parseInt(option(args, "--batch", "64"));
    int threads = Runtime.getRuntime().availableProcessors();
    Dataset all = FashionMnist.load(DataSource.parse(data)).train();
    int limit = Integer.parseInt(option(args, "--limit", String.valueOf(all.size())));
    // Short rounds (a few steps) paired back to back see the same machine; long rounds on a shared VM do not.
    Dataset train = limit < all.size() ? all.slice(0, limit) : all;
    RuntimeOptions options = new RuntimeOptions(42, threads, 1);

    var injector = Guice.createInjector(new FashionDnnModule(), binder ->
        OptionalBinder.newOptionalBinder(binder, RuntimeOptions.class).setBinding().toInstance(options));
    List<Double> generated = new ArrayList<>();
    List<Double> handWritten = new ArrayList<>();
    try (CompiledModel<FashionDnn> model = injector.getInstance(Key.get(new TypeLiteral<CompiledModel<FashionDnn>>() {}));
         HandWrittenFashionDnn baseline = new HandWrittenFashionDnn(42, threads)) {
      FitOptions oneEpoch = FitOptions.builder().epochs(1).batchSize(batch).progressBar(false).build();
      model.trainer().fit(train, oneEpoch); // warm-up: graph optimisation, oneDNN kernels, JIT
      baseline.epoch(train, batch, 0);
      for (int round = 1; round <= rounds; round++) {
        int seed = round;
        Runnable handRound = () -> baseline.epoch(train, batch, seed);
        Runnable generatedRound = () -> model.trainer().fit(train, FitOptions.builder().epochs(1).batchSize(batch)
            .seed(seed).progressBar(false).build());
        // Alternate which side goes first, so neither always inherits the other's garbage or cache state.
        boolean generatedFirst = round % 2 == 1;
        double baselineSeconds = generatedFirst ? 0 : time(handRound);
        double generatedSeconds = time(generatedRound);
        if (generatedFirst) {
          baselineSeconds = time(handRound);
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
    System.out.printf(Locale.ROOT, "FashionDnn epoch on %d examples, batch %d (%d steps), %d threads%n",
        train.size(), batch, steps, threads);
    System.out.printf(Locale.ROOT, "generated (Trainer.fit): median %.3f s/epoch = %.0f us/step%n", g, g / steps * 1e6);
    System.out.printf(Locale.ROOT, "hand-written TF Java:    median %.3f s/epoch = %.0f us/step%n", h, h / steps * 1e6);
    System.out.printf(Locale.ROOT, "ratio generated / hand-written = %.3f%n", g / h);
    printRatio("fashion-dnn", "train_step", generated, handWritten);
  }
}
