package dev.deepwire.benchmarks;

import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.FloatColumn;
import dev.deepwire.runtime.data.IntColumn;
import java.util.Map;
import java.util.TreeMap;
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
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Trains a Fashion-MNIST classifier written directly against TensorFlow Java, the way a competent TF Java
 * user would: Adam 1e-3, softmax cross-entropy on one-hot labels, one feed tensor per batch, and loss and
 * accuracy fetched every step, as Deepwire's trainer reports both. The baselines of the harnesses.
 */
public class HandWrittenFashionTrainer implements AutoCloseable {

  /** A hand-written network: the logits for {@code [batch, 28, 28]} images. */
  @FunctionalInterface
  public interface Network {
    /**
     * @param training 1 while training, 0 otherwise, for dropout
     */
    Operand<TFloat32> logits(Ops tf, Operand<TFloat32> images, Operand<TFloat32> training, long seed);
  }

  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> images;
  private final Placeholder<TInt32> labels;
  private final PlaceholderWithDefault<TFloat32> training;
  private final Operand<TFloat32> loss;
  private final Operand<TFloat32> accuracy;
  private final Operand<TFloat32> probabilities;
  private final Op train;

  protected HandWrittenFashionTrainer(Network network, long seed, int threads) {
    Ops tf = Ops.create(graph);
    images = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28)));
    labels = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    training = tf.placeholderWithDefault(tf.constant(0f), Shape.scalar());
    Operand<TFloat32> logits = network.logits(tf, images, training, seed);
    Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(10), tf.constant(1f), tf.constant(0f));
    loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(), tf.constant(0));
    accuracy = tf.math.mean(tf.dtypes.cast(tf.math.equal(
        tf.math.argMax(logits, tf.constant(1), TInt32.class), labels), TFloat32.class), tf.constant(0));
    probabilities = tf.nn.softmax(logits);
    train = new Adam(graph, 1e-3f).minimize(loss);
    session = new Session(graph, ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(1).build());
    session.initialize();
  }

  /** Weights uniform in ±limit, seeded. */
  public static Operand<TFloat32> uniform(Ops tf, long[] shape, double limit, long seed) {
    return tf.math.mul(tf.math.sub(tf.random.randomUniform(tf.constant(shape), TFloat32.class,
        RandomUniform.seed(seed), RandomUniform.seed2(1L)), tf.constant(0.5f)), tf.constant((float) (2 * limit)));
  }

  /** {@code x · W + b}, W uniform in ±limit, b zeros, both read through Identity. */
  public static Operand<TFloat32> dense(Ops tf, Operand<TFloat32> x, int in, int out, double limit, long seed,
      String name) {
    Operand<TFloat32> w = tf.withName(name + ".kernel").variable(uniform(tf, new long[] {in, out}, limit, seed));
    Operand<TFloat32> b = tf.withName(name + ".bias").variable(tf.fill(tf.constant(new long[] {out}), tf.constant(0f)));
    return tf.nn.biasAdd(tf.linalg.matMul(x, tf.identity(w)), tf.identity(b));
  }

  /** Inverted dropout with a stateful seeded mask, the identity when {@code training} is 0. */
  public static Operand<TFloat32> dropout(Ops tf, Operand<TFloat32> x, Operand<TFloat32> training, float rate,
      long seed) {
    Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), tf.math.mul(tf.constant(rate), training));
    Operand<TFloat32> noise = tf.random.randomUniform(tf.shape(x), TFloat32.class,
        RandomUniform.seed(seed), RandomUniform.seed2(2L));
    return tf.math.div(tf.math.mul(x, tf.math.floor(tf.math.add(keep, noise))), keep);
  }

  /** One shuffled epoch; returns the mean training loss. */
  public double epoch(Dataset data, int batchSize, long seed) {
    FloatColumn image = data.floats("image");
    IntColumn label = data.ints("label");
    int[] order = Dataset.permutation(data.size(), seed);
    float[] imageBatch = new float[batchSize * 784];
    int[] labelBatch = new int[batchSize];
    double sum = 0;
    double correct = 0;
    try (TFloat32 on = TFloat32.scalarOf(1f)) {
      for (int from = 0; from < order.length; from += batchSize) {
        int n = Math.min(batchSize, order.length - from);
        image.gather(order, from, n, imageBatch);
        label.gather(order, from, n, labelBatch);
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(n, 28, 28), DataBuffers.of(imageBatch, true, false).narrow(n * 784L));
             TInt32 y = TInt32.tensorOf(Shape.of(n), DataBuffers.of(labelBatch, true, false).narrow(n));
             Result r = session.runner().feed(images, x).feed(labels, y).feed(training, on)
                 .addTarget(train).fetch(loss).fetch(accuracy).run()) {
          sum += ((TFloat32) r.get(0)).getFloat() * n;
          correct += ((TFloat32) r.get(1)).getFloat() * n;
        }
      }
    }
    return sum / order.length;
  }

  /** Class probabilities of {@code count} images ({@code count × 784} floats): one feed tensor, one run. */
  public float[] predict(float[] imageRows, int count) {
    float[] scores = new float[count * 10];
    try (TFloat32 x = TFloat32.tensorOf(Shape.of(count, 28, 28), DataBuffers.of(imageRows, true, false));
         Result r = session.runner().feed(images, x).fetch(probabilities).run()) {
      ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(scores);
    }
    return scores;
  }

  /**
   * Microseconds each graph node spent per training step, from TF's own trace of {@code steps} steps
   * ({@code RunOptions} FULL_TRACE), keyed {@code "node kernel"} (the kernel that ran it, e.g. oneDNN's
   * {@code _MklNativeFusedConv2D} for a convolution fused with its bias), under {@code "step"} the steps' wall
   * time. Traced steps run slower than plain ones; the shares are what count.
   */
  public Map<String, Double> profile(Dataset data, int batchSize, int steps) {
    FloatColumn image = data.floats("image");
    IntColumn label = data.ints("label");
    int[] order = Dataset.permutation(data.size(), 7);
    float[] imageBatch = new float[batchSize * 784];
    int[] labelBatch = new int[batchSize];
    RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
    Map<String, Double> micros = new TreeMap<>();
    try (TFloat32 on = TFloat32.scalarOf(1f)) {
      for (int s = 0; s < steps; s++) {
        int from = (s * batchSize) % (order.length - batchSize);
        image.gather(order, from, batchSize, imageBatch);
        label.gather(order, from, batchSize, labelBatch);
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(batchSize, 28, 28), DataBuffers.of(imageBatch, true, false));
             TInt32 y = TInt32.tensorOf(Shape.of(batchSize), DataBuffers.of(labelBatch, true, false));
             Result r = session.runner().feed(images, x).feed(labels, y).feed(training, on).addTarget(train)
                 .setOptions(trace).runAndFetchMetadata()) {
          long first = Long.MAX_VALUE;
          long last = 0;
          for (var device : r.getMetadata().orElseThrow().getStepStats().getDevStatsList()) {
            for (NodeExecStats node : device.getNodeStatsList()) {
              double busy = node.getOpEndRelMicros() - node.getOpStartRelMicros();
              micros.merge(nodeAndKernel(node), busy / steps, Double::sum);
              first = Math.min(first, node.getAllStartMicros());
              last = Math.max(last, node.getAllStartMicros() + node.getAllEndRelMicros());
            }
          }
          micros.merge("step", (double) (last - first) / steps, Double::sum);
        }
      }
    }
    return micros;
  }

  /** {@code "gradients/Conv2DBackpropFilter _MklNativeConv2DBackpropFilterWithBias"} from a trace entry. */
  private static String nodeAndKernel(NodeExecStats node) {
    String label = node.getTimelineLabel(); // "name = Kernel(inputs...)"
    int equals = label.indexOf(" = ");
    int paren = label.indexOf('(', Math.max(equals, 0));
    return equals < 0 || paren < 0 ? node.getNodeName() : node.getNodeName() + " " + label.substring(equals + 3, paren);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
