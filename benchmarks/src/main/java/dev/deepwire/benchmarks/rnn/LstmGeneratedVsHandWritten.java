package dev.deepwire.benchmarks.rnn;

import static dev.deepwire.benchmarks.Harness.median;
import static dev.deepwire.benchmarks.Harness.option;
import static dev.deepwire.benchmarks.Harness.printRatio;
import static dev.deepwire.benchmarks.Harness.time;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.timeseries.SunspotLstm;
import dev.deepwire.examples.timeseries.SunspotLstmModule;
import dev.deepwire.examples.timeseries.SunspotSeries;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.FitOptions;
import dev.deepwire.runtime.RuntimeOptions;
import dev.deepwire.runtime.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times training of the generated {@code SunspotLstm} (through Guice, {@code Trainer.fit}) against the same LSTM
 * hand-written in TensorFlow Java ({@link HandWrittenSunspotLstm}), in one JVM, rounds interleaved; a round is
 * {@code --epochs} epochs over the sunspot training windows. Prints medians, sequences per second and the ratio.
 *
 * <p>The defaults are many short rounds (301 × 2 epochs, about 60 ms a side): on a shared VM, rounds of
 * seconds drift apart (per-round ratios 0.7–1.7 in 21 rounds of 50 epochs), while the two sides of a short
 * pair see the same machine, so the median of the pairs' ratios settles within about ±0.01 between runs.
 *
 * <p>Usage: {@code java -cp benchmarks/target/deepwire-benchmarks.jar:benchmarks/target/lib/*
 * dev.deepwire.benchmarks.rnn.LstmGeneratedVsHandWritten [--rounds N] [--batch B] [--epochs E] [--threads T]}
 */
public final class LstmGeneratedVsHandWritten {

  private LstmGeneratedVsHandWritten() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(option(args, "--rounds", "301"));
    int batch = Integer.parseInt(option(args, "--batch", "16"));
    int epochs = Integer.parseInt(option(args, "--epochs", "2"));
    int threads = Integer.parseInt(option(args, "--threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
    Dataset train = SunspotSeries.load(DataSource.parse("bundled")).train()
        .toDataset(SunspotSeries.HISTORY, SunspotSeries.NEXT);
    RuntimeOptions options = new RuntimeOptions(42, threads, 1);

    var injector = Guice.createInjector(new SunspotLstmModule(), binder ->
        OptionalBinder.newOptionalBinder(binder, RuntimeOptions.class).setBinding().toInstance(options));
    List<Double> generated = new ArrayList<>();
    List<Double> handWritten = new ArrayList<>();
    try (CompiledModel<SunspotLstm> model = injector.getInstance(Key.get(new TypeLiteral<CompiledModel<SunspotLstm>>() {}));
         HandWrittenSunspotLstm baseline =
             new HandWrittenSunspotLstm(SunspotSeries.WINDOW, 32, 1e-2f, 42, threads)) {
      model.trainer().fit(train, FitOptions.builder().epochs(1).batchSize(batch).progressBar(false).build());
      baseline.epoch(train, batch, 0);
      Runnable handRound = () -> {
        for (int e = 0; e < epochs; e++) {
          baseline.epoch(train, batch, e);
        }
      };
      for (int round = 1; round <= rounds; round++) {
        boolean generatedFirst = round % 2 == 1;
        double baselineSeconds = 0;
        if (!generatedFirst) {
          int seed = round;
          baselineSeconds = time(handRound);
        }
        int seed = round;
        double generatedSeconds = time(() -> model.trainer().fit(train, FitOptions.builder().epochs(epochs)
            .batchSize(batch).seed(seed).progressBar(false).build()));
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
    int steps = epochs * ((train.size() + batch - 1) / batch);
    long sequences = (long) epochs * train.size();
    System.out.printf(Locale.ROOT, "SunspotLstm (%d steps, 32 units): %d epochs of %d sequences, batch %d (%d steps),"
        + " %d threads%n", SunspotSeries.WINDOW, epochs, train.size(), batch, steps, threads);
    System.out.printf(Locale.ROOT, "generated (Trainer.fit): median %.3f s/round = %.0f us/step = %.0f sequences/s%n",
        g, g / steps * 1e6, sequences / g);
    System.out.printf(Locale.ROOT, "hand-written TF Java:    median %.3f s/round = %.0f us/step = %.0f sequences/s%n",
        h, h / steps * 1e6, sequences / h);
    System.out.printf(Locale.ROOT, "ratio generated / hand-written = %.3f%n", g / h);
    // On a shared machine the sides' medians can come from different rounds: the per-round ratio (both sides
    // timed back to back) and its spread say how far to trust the figure.
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < generated.size(); i++) {
      ratios.add(generated.get(i) / handWritten.get(i));
    }
    List<Double> sorted = ratios.stream().sorted().toList();
    System.out.printf(Locale.ROOT, "per-round ratio: median %.3f, quartiles %.3f .. %.3f, range %.3f .. %.3f%n",
        median(ratios), sorted.get(sorted.size() / 4), sorted.get((3 * sorted.size()) / 4), sorted.get(0),
        sorted.get(sorted.size() - 1));
    printRatio("sunspot-lstm", "train_step", generated, handWritten);
  }
}
