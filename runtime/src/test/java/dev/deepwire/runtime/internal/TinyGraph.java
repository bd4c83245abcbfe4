package dev.deepwire.runtime.internal;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * A one-input, one-output graph {@code output = softmax(float(input) · W + b)} with known weights, open in a
 * session; the single-example paths' tests run it. Closes session then graph (close runners on it first).
 */
final class TinyGraph implements AutoCloseable {

  final Graph graph = new Graph();
  final Operand<?> input;
  final Operand<TFloat32> output;
  final Session session;
  final int inputs;
  final int outputs;

  private TinyGraph(boolean integer, int inputs, int outputs) {
    this.inputs = inputs;
    this.outputs = outputs;
    Ops tf = Ops.create(graph);
    Shape shape = Shape.of(-1, inputs);
    Placeholder<? extends TNumber> placeholder = integer
        ? tf.withName("input").placeholder(TInt32.class, Placeholder.shape(shape))
        : tf.withName("input").placeholder(TFloat32.class, Placeholder.shape(shape));
    input = placeholder;
    Operand<TFloat32> x = integer ? tf.dtypes.cast(placeholder, TFloat32.class) : (Operand<TFloat32>) placeholder;
    float[][] w = new float[inputs][outputs];
    for (int i = 0; i < inputs; i++) {
      for (int j = 0; j < outputs; j++) {
        w[i][j] = weight(i, j);
      }
    }
    float[] b = new float[outputs];
    for (int j = 0; j < outputs; j++) {
      b[j] = bias(j);
    }
    Operand<TFloat32> logits = tf.math.add(tf.linalg.matMul(x, tf.constant(w)), tf.constant(b));
    output = tf.withName("output").nn.softmax(logits);
    session = new Session(graph);
  }

  /** Float inputs. */
  static TinyGraph floats(int inputs, int outputs) {
    return new TinyGraph(false, inputs, outputs);
  }

  /** Int32 inputs, cast to float in the graph. */
  static TinyGraph ints(int inputs, int outputs) {
    return new TinyGraph(true, inputs, outputs);
  }

  static float weight(int i, int j) {
    return ((i * 7 + j * 3) % 11) / 10f - 0.5f;
  }

  static float bias(int j) {
    return (j % 3) / 10f;
  }

  /** The graph's equation in plain Java (double precision). */
  double[] reference(float[] example) {
    double[] logits = new double[outputs];
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < outputs; j++) {
      double sum = bias(j);
      for (int i = 0; i < inputs; i++) {
        sum += example[i] * (double) weight(i, j);
      }
      logits[j] = sum;
      max = Math.max(max, sum);
    }
    double total = 0;
    for (int j = 0; j < outputs; j++) {
      logits[j] = Math.exp(logits[j] - max);
      total += logits[j];
    }
    for (int j = 0; j < outputs; j++) {
      logits[j] /= total;
    }
    return logits;
  }

  /** A deterministic example; whole numbers when {@code whole} (the int32 graph's inputs). */
  float[] example(int k, boolean whole) {
    float[] values = new float[inputs];
    for (int i = 0; i < inputs; i++) {
      int v = (k * 31 + i * 17) % 13 - 6;
      values[i] = whole ? v : v / 4f + k * 1e-3f;
    }
    return values;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
