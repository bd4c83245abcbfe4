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
import java.util.HashMap;
import java.util.Map;

/** The benchmark networks as generated Deepwire models, used the way an application would: Guice, Trainer, Predictor. */
final class DeepwireSubject<M> implements PeerSubject {

  private final CompiledModel<M> model;
  private final Predictor<M> predictor;
  private final Map<Integer, Dataset> datasets = new HashMap<>();

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
    // Built once per size, as an application holds its data set: the rounds then measure training alone.
    // Columns wrap the caller's arrays when they hold exactly the examples asked for (no copy).
    Dataset data = datasets.computeIfAbsent(count, n -> Dataset.builder()
        .floats(FashionMnist.IMAGE, images.length == n * 784 ? images : Arrays.copyOf(images, n * 784), 28, 28)
        .ints(FashionMnist.LABEL, labels.length == n ? labels : Arrays.copyOf(labels, n))
        .build());
    model.trainer().fit(data, FitOptions.builder().epochs(1).batchSize(batch).seed(seed).progressBar(false).build());
  }

  @Override
  public float[] predict(float[] images, int count) {
    return predictor.predictFlat(images.length == count * 784 ? images : Arrays.copyOf(images, count * 784));
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
