package dev.deepwire.benchmarks;

import static dev.deepwire.benchmarks.Harness.option;
import static dev.deepwire.benchmarks.Harness.printRatio;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import dev.deepwire.benchmarks.cnn.HandWrittenFashionCnn;
import dev.deepwire.examples.cnn.FashionCnn;
import dev.deepwire.examples.cnn.FashionCnnModule;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.dnn.FashionDnn;
import dev.deepwire.examples.dnn.FashionDnnModule;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.Predictor;
import dev.deepwire.runtime.RuntimeOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times inference of the generated {@code FashionDnn} / {@code FashionCnn} ({@code Predictor}) against the same
 * network hand-written in TensorFlow Java, at batch 1 and at batch 256, rounds interleaved and alternated.
 * Prints one JSON line per batch size with the median ratio of the rounds and its spread.
 *
 * <p>Usage: {@code java -cp "benchmarks/target/deepwire-benchmarks.jar:benchmarks/target/lib/*"
 * dev.deepwire.benchmarks.InferenceGeneratedVsHandWritten --model dnn|cnn [--rounds R]}
 */
public final class InferenceGeneratedVsHandWritten {

  /** One side's inference: class scores of {@code count} images packed in one array. */
  private interface Side {
    void run(float[] images, float[][] rows, int count);
  }

  private InferenceGeneratedVsHandWritten() {}

  public static void main(String[] args) throws Exception {
    String which = option(args, "--model", "dnn");
    int rounds = Integer.parseInt(option(args, "--rounds", "7"));
    int threads = Runtime.getRuntime().availableProcessors();
    RuntimeOptions options = new RuntimeOptions(42, threads, 1);
    float[] pixels = FashionMnist.load(DataSource.bundled()).test().floats(FashionMnist.IMAGE).values();
    boolean cnn = which.equals("cnn");
    var injector = Guice.createInjector(cnn ? new FashionCnnModule() : new FashionDnnModule(), binder ->
        OptionalBinder.newOptionalBinder(binder, RuntimeOptions.class).setBinding().toInstance(options));
    try (CompiledModel<?> model = cnn
            ? injector.getInstance(Key.get(new TypeLiteral<CompiledModel<FashionCnn>>() {}))
            : injector.getInstance(Key.get(new TypeLiteral<CompiledModel<FashionDnn>>() {}));
         HandWrittenFashionTrainer baseline = cnn ? new HandWrittenFashionCnn(42, threads)
             : new HandWrittenFashionDnn(42, threads)) {
      Predictor<?> predictor = model.predictor();
      Side generated = (images, rows, count) -> {
        if (count == 1) {
          predictor.predict(rows[0]);
        } else {
          predictor.predictFlat(images); // the same flat array the hand-written side feeds
        }
      };
      Side handWritten = (images, rows, count) -> baseline.predict(images, count);
      String name = cnn ? "fashion-cnn" : "fashion-dnn";
      for (int batch : new int[] {1, 256}) {
        float[] images = Arrays.copyOf(pixels, batch * 784);
        float[][] rows = new float[batch][];
        for (int i = 0; i < batch; i++) {
          rows[i] = Arrays.copyOfRange(pixels, i * 784, (i + 1) * 784);
        }
        int calls = batch == 1 ? 2000 : 20;
        List<Double> g = new ArrayList<>();
        List<Double> h = new ArrayList<>();
        time(generated, images, rows, batch, calls); // warm-up
        time(handWritten, images, rows, batch, calls);
        for (int round = 0; round < rounds; round++) {
          boolean generatedFirst = round % 2 == 0;
          double hand = generatedFirst ? 0 : time(handWritten, images, rows, batch, calls);
          g.add(time(generated, images, rows, batch, calls));
          h.add(generatedFirst ? time(handWritten, images, rows, batch, calls) : hand);
        }
        printRatio(name, "inference_batch_" + batch, g, h);
      }
    }
  }

  /** Seconds per call over {@code calls} calls. */
  private static double time(Side side, float[] images, float[][] rows, int count, int calls) {
    long t0 = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      side.run(images, rows, count);
    }
    return (System.nanoTime() - t0) / 1e9 / calls;
  }
}
