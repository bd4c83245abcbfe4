package dev.deepwire.benchmarks.peers;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.deepwire.benchmarks.suite.PeerSubject;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.FitOptions;
import dev.deepwire.runtime.Predictor;
import dev.deepwire.runtime.data.Dataset;
import java.util.Arrays;

/** The benchmark networks as generated Deepwire models, used the way an application would: Guice, Trainer, Predictor. */
final class DeepwireSubject<M> implements PeerSubject {

  private final CompiledModel<M> model;
  private final Predictor<M> predictor;

  private DeepwireSubject(AbstractModule module, TypeLiteral<CompiledModel<M>> type) {
    this.model = Guice.createInjector(module).getInstance(Key.get(type));
    this.predictor = model.predictor();
  }

  /** {@code mlp} or {@code cnn}. */
  static PeerSubject create(String name) {
    return switch (name) {
      case "mlp" -> new DeepwireSubject<>(new BenchMlpModule(), new TypeLiteral<CompiledModel<BenchMlp>>() {});
      case "cnn" -> new DeepwireSubject<>(new BenchCnnModule(), new TypeLiteral<CompiledModel<BenchCnn>>() {});
      default -> throw new IllegalArgumentException("unknown model " + name + "; expected mlp or cnn");
    };
  }

  @Override
  public void train(float[] images, int[] labels, int count, int batch, long seed) {
    Dataset data = Dataset.builder()
        .floats(FashionMnist.IMAGE, Arrays.copyOf(images, count * 784), 28, 28)
        .ints(FashionMnist.LABEL, Arrays.copyOf(labels, count))
        .build();
    model.trainer().fit(data, FitOptions.builder().epochs(1).batchSize(batch).seed(seed).progressBar(false).build());
  }

  @Override
  public float[] predict(float[] images, int count) {
    float[][] rows = new float[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = Arrays.copyOfRange(images, i * 784, (i + 1) * 784);
    }
    float[][] scores = predictor.predict(rows);
    float[] flat = new float[count * 10];
    for (int i = 0; i < count; i++) {
      System.arraycopy(scores[i], 0, flat, i * 10, 10);
    }
    return flat;
  }

  @Override
  public float[] predictOne(float[] image) {
    return predictor.predict(image);
  }

  @Override
  public void close() {
    model.close();
  }
}
