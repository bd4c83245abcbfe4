package dev.deepwire.benchmarks.cnn;

import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.FloatColumn;
import dev.deepwire.runtime.data.IntColumn;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The network of {@code FashionCnn} written directly against TensorFlow Java: the baseline the generated
 * model is measured against.
 *
 * <p>[28, 28, 1] → conv 3x3x32 ReLU → max-pool 2 → conv 3x3x64 ReLU → max-pool 2 → 1600 → 128 ReLU →
 * dropout 0.4 → 10 softmax; Adam 1e-3, softmax cross-entropy on one-hot labels; the loss fetched every step.
 */
final class HandWrittenFashionCnn implements AutoCloseable {

  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> images;
  private final Placeholder<TInt32> labels;
  private final PlaceholderWithDefault<TFloat32> training;
  private final Operand<TFloat32> loss;
  private final Op train;

  HandWrittenFashionCnn(long seed, int threads) {
    Ops tf = Ops.create(graph);
    images = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28)));
    labels = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    training = tf.placeholderWithDefault(tf.constant(0f), Shape.scalar());
    Operand<TFloat32> x = tf.reshape(images, tf.constant(new long[] {-1, 28, 28, 1}));
    x = tf.nn.relu(conv(tf, x, 1, 32, seed, "c1"));
    x = pool(tf, x);
    x = tf.nn.relu(conv(tf, x, 32, 64, seed + 1, "c2"));
    x = pool(tf, x);
    x = tf.reshape(x, tf.constant(new long[] {-1, 5 * 5 * 64}));
    x = tf.nn.relu(dense(tf, x, 1600, 128, 6.0 / 1600, seed + 2, "d1"));
    x = dropout(tf, x, 0.4f, seed + 3);
    Operand<TFloat32> logits = dense(tf, x, 128, 10, 6.0 / 138, seed + 4, "d2");
    Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(10), tf.constant(1f), tf.constant(0f));
    loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(), tf.constant(0));
    train = new Adam(graph, 1e-3f).minimize(loss);
    session = new Session(graph, ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(1).build());
    session.initialize();
  }

  private static Operand<TFloat32> conv(Ops tf, Operand<TFloat32> x, int in, int out, long seed, String name) {
    Operand<TFloat32> w = tf.identity(tf.withName(name + ".kernel").variable(
        uniform(tf, new long[] {3, 3, in, out}, Math.sqrt(6.0 / (9 * in)), seed)));
    Operand<TFloat32> b = tf.identity(tf.withName(name + ".bias").variable(
        tf.fill(tf.constant(new long[] {out}), tf.constant(0f))));
    return tf.nn.biasAdd(tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "VALID"), b);
  }

  private static Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x) {
    return tf.nn.maxPool(x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
  }

  private static Operand<TFloat32> dense(Ops tf, Operand<TFloat32> x, int in, int out, double variance, long seed,
      String name) {
    Operand<TFloat32> w = tf.identity(tf.withName(name + ".kernel").variable(
        uniform(tf, new long[] {in, out}, Math.sqrt(variance), seed)));
    Operand<TFloat32> b = tf.identity(tf.withName(name + ".bias").variable(
        tf.fill(tf.constant(new long[] {out}), tf.constant(0f))));
    return tf.nn.biasAdd(tf.linalg.matMul(x, w), b);
  }

  private static Operand<TFloat32> uniform(Ops tf, long[] shape, double limit, long seed) {
    return tf.math.mul(tf.math.sub(tf.random.randomUniform(tf.constant(shape), TFloat32.class,
        RandomUniform.seed(seed), RandomUniform.seed2(1L)), tf.constant(0.5f)), tf.constant((float) (2 * limit)));
  }

  private Operand<TFloat32> dropout(Ops tf, Operand<TFloat32> x, float rate, long seed) {
    Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), tf.math.mul(tf.constant(rate), training));
    Operand<TFloat32> noise = tf.random.randomUniform(tf.shape(x), TFloat32.class,
        RandomUniform.seed(seed), RandomUniform.seed2(2L));
    return tf.math.div(tf.math.mul(x, tf.math.floor(tf.math.add(keep, noise))), keep);
  }

  /** One shuffled epoch; returns the mean training loss. */
  double epoch(Dataset data, int batchSize, long seed) {
    FloatColumn image = data.floats("image");
    IntColumn label = data.ints("label");
    int[] order = Dataset.permutation(data.size(), seed);
    float[] imageBatch = new float[batchSize * 784];
    int[] labelBatch = new int[batchSize];
    double sum = 0;
    try (TFloat32 on = TFloat32.scalarOf(1f)) {
      for (int from = 0; from < order.length; from += batchSize) {
        int n = Math.min(batchSize, order.length - from);
        image.gather(order, from, n, imageBatch);
        label.gather(order, from, n, labelBatch);
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(n, 28, 28), DataBuffers.of(imageBatch, true, false).narrow(n * 784L));
             TInt32 y = TInt32.tensorOf(Shape.of(n), DataBuffers.of(labelBatch, true, false).narrow(n));
             Result r = session.runner().feed(images, x).feed(labels, y).feed(training, on)
                 .addTarget(train).fetch(loss).run()) {
          sum += ((TFloat32) r.get(0)).getFloat() * n;
        }
      }
    }
    return sum / order.length;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
