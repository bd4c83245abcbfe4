package dev.deepwire.benchmarks.suite;

import dev.deepwire.runtime.data.Dataset;

/** Gathers shuffled batches out of flat arrays, for the peers' training loops. */
public final class Batches {

  /** Values per Fashion-MNIST image. */
  public static final int PIXELS = 784;

  /** One training step's batch: {@code images} holds the batch's {@code n} images; the rest says which they are. */
  @FunctionalInterface
  public interface Step {
    void run(float[] images, int[] order, int from, int n);
  }

  private Batches() {}

  /** Runs {@code step} on each batch of a pass over {@code count} examples shuffled by {@code seed}. */
  public static void shuffled(float[] images, int count, int batch, long seed, Step step) {
    int[] order = Dataset.permutation(count, seed);
    for (int from = 0; from < count; from += batch) {
      int n = Math.min(batch, count - from);
      float[] x = new float[n * PIXELS];
      images(images, order, from, n, x);
      step.run(x, order, from, n);
    }
  }

  /** Images {@code order[from .. from + n)} into {@code dst}, row after row. */
  public static void images(float[] images, int[] order, int from, int n, float[] dst) {
    for (int i = 0; i < n; i++) {
      System.arraycopy(images, order[from + i] * PIXELS, dst, i * PIXELS, PIXELS);
    }
  }

  /** One-hot rows of ten classes for labels {@code order[from .. from + n)}. */
  public static float[] oneHot(int[] labels, int[] order, int from, int n) {
    float[] rows = new float[n * 10];
    for (int i = 0; i < n; i++) {
      rows[i * 10 + labels[order[from + i]]] = 1f;
    }
    return rows;
  }

  /** Labels {@code order[from .. from + n)} as floats, for losses that take class indices. */
  public static float[] classes(int[] labels, int[] order, int from, int n) {
    float[] rows = new float[n];
    for (int i = 0; i < n; i++) {
      rows[i] = labels[order[from + i]];
    }
    return rows;
  }
}
