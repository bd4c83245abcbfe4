package dev.deepwire.benchmarks.suite;

/**
 * One framework's implementation of a benchmark network ({@code mlp}: 784-256-128-10, {@code cnn}:
 * conv32-pool-conv64-pool-128-10; ReLU, softmax, Glorot-uniform weights, zero biases, Adam 1e-3,
 * categorical cross-entropy), as a user of that framework would write it. {@link PeerRows} times it.
 */
public interface PeerSubject extends AutoCloseable {

  /**
   * One training pass over {@code count} examples, in shuffled batches of {@code batch}.
   *
   * @param images {@code count × 784} pixels in [0, 1], row-major
   * @param labels {@code count} classes 0..9
   */
  void train(float[] images, int[] labels, int count, int batch, long seed);

  /** Class scores for {@code count} images ({@code count × 784} floats); returns {@code count × 10} floats. */
  float[] predict(float[] images, int count);

  /** Class scores of one image; the single-example (latency) path, where a framework has one of its own. */
  default float[] predictOne(float[] image) {
    return predict(image, 1);
  }

  @Override
  void close();
}
