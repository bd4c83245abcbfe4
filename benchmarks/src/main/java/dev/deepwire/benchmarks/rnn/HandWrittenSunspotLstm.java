package dev.deepwire.benchmarks.rnn;

import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.FloatColumn;
import java.util.ArrayList;
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
import org.tensorflow.op.core.Unstack;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The network of {@code SunspotLstm} written directly against TensorFlow Java, the baseline the generated
 * model is measured against: [time, 1] → LSTM (gates i, f, c, o; unrolled) → dense 1, MSE, Adam; the loss
 * fetched every step.
 */
final class HandWrittenSunspotLstm implements AutoCloseable {

  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> history;
  private final Placeholder<TFloat32> next;
  private final Operand<TFloat32> loss;
  private final Op train;
  private final int time;

  HandWrittenSunspotLstm(int time, int units, float learningRate, long seed, int threads) {
    this.time = time;
    Ops tf = Ops.create(graph);
    history = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, time, 1)));
    next = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
    Operand<TFloat32> kernel = weight(tf, "lstm.kernel", new long[] {1, 4L * units}, seed);
    Operand<TFloat32> recurrent = weight(tf, "lstm.recurrentKernel", new long[] {units, 4L * units}, seed + 1);
    float[] forget = new float[4 * units];
    java.util.Arrays.fill(forget, units, 2 * units, 1f);
    Operand<TFloat32> bias = tf.identity(tf.withName("lstm.bias").variable(tf.constant(forget)));
    List<Operand<TFloat32>> steps = new ArrayList<>(tf.unstack(history, (long) time, Unstack.axis(1L)).output());
    Operand<TFloat32> zeros = tf.reshape(tf.math.mul(tf.reduceSum(history, tf.constant(new int[] {1, 2})),
        tf.constant(0f)), tf.constant(new long[] {-1, 1}));
    Operand<TFloat32> h = tf.math.mul(zeros, tf.fill(tf.constant(new long[] {1, units}), tf.constant(0f)));
    Operand<TFloat32> c = h;
    for (Operand<TFloat32> x : steps) {
      Operand<TFloat32> z = tf.nn.biasAdd(tf.math.add(tf.linalg.matMul(x, kernel), tf.linalg.matMul(h, recurrent)),
          bias);
      List<Operand<TFloat32>> g = new ArrayList<>(tf.split(tf.constant(1), z, 4L).output());
      c = tf.math.add(tf.math.mul(tf.math.sigmoid(g.get(1)), c),
          tf.math.mul(tf.math.sigmoid(g.get(0)), tf.math.tanh(g.get(2))));
      h = tf.math.mul(tf.math.sigmoid(g.get(3)), tf.math.tanh(c));
    }
    Operand<TFloat32> w = weight(tf, "next.kernel", new long[] {units, 1}, seed + 2);
    Operand<TFloat32> b = tf.identity(tf.withName("next.bias").variable(tf.constant(new float[] {0f})));
    Operand<TFloat32> y = tf.nn.biasAdd(tf.linalg.matMul(h, w), b);
    loss = tf.math.mean(tf.math.squaredDifference(y, next), tf.constant(new int[] {0, 1}));
    train = new Adam(graph, learningRate).minimize(loss);
    session = new Session(graph, ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(1).build());
    session.initialize();
  }

  private static Operand<TFloat32> weight(Ops tf, String name, long[] shape, long seed) {
    double limit = Math.sqrt(6.0 / (shape[0] + shape[1]));
    Operand<TFloat32> init = tf.math.mul(tf.math.sub(tf.random.randomUniform(tf.constant(shape), TFloat32.class,
        RandomUniform.seed(seed), RandomUniform.seed2(1L)), tf.constant(0.5f)), tf.constant((float) (2 * limit)));
    return tf.identity(tf.withName(name).variable(init));
  }

  /** One shuffled epoch; returns the mean training loss. */
  double epoch(Dataset data, int batchSize, long seed) {
    FloatColumn in = data.floats("history");
    FloatColumn out = data.floats("next");
    int[] order = Dataset.permutation(data.size(), seed);
    float[] inBatch = new float[batchSize * time];
    float[] outBatch = new float[batchSize];
    double sum = 0;
    for (int from = 0; from < order.length; from += batchSize) {
      int n = Math.min(batchSize, order.length - from);
      in.gather(order, from, n, inBatch);
      out.gather(order, from, n, outBatch);
      try (TFloat32 x = TFloat32.tensorOf(Shape.of(n, time, 1), DataBuffers.of(inBatch, true, false).narrow(
              (long) n * time));
           TFloat32 t = TFloat32.tensorOf(Shape.of(n, 1), DataBuffers.of(outBatch, true, false).narrow(n));
           Result r = session.runner().feed(history, x).feed(next, t).addTarget(train).fetch(loss).run()) {
        sum += ((TFloat32) r.get(0)).getFloat() * n;
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
