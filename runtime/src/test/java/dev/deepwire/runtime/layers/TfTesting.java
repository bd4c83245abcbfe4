package dev.deepwire.runtime.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Small helpers shared by the layer and training tests: fetching, assigning and gradient checking. */
public final class TfTesting {

  private TfTesting() {}

  /** Runs {@code x} and returns its values in row-major order. */
  public static float[] fetch(Session session, Operand<?> x) {
    try (Result result = session.runner().fetch(x).run()) {
      return flat((TFloat32) result.get(0));
    }
  }

  /** Runs {@code x} and returns its runtime shape. */
  public static long[] fetchShape(Session session, Operand<?> x) {
    try (Result result = session.runner().fetch(x).run()) {
      return result.get(0).shape().asArray();
    }
  }

  /** Runs an int32 {@code x} and returns its values in row-major order. */
  public static int[] fetchInts(Session session, Operand<TInt32> x) {
    try (Result result = session.runner().fetch(x).run()) {
      TInt32 t = (TInt32) result.get(0);
      int[] out = new int[(int) t.size()];
      t.copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  public static float[] flat(TFloat32 t) {
    float[] out = new float[(int) t.size()];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /** Row-major flattening of a matrix. */
  public static float[] flat(float[][] m) {
    float[] out = new float[m.length * m[0].length];
    for (int i = 0; i < m.length; i++) {
      System.arraycopy(m[i], 0, out, i * m[0].length, m[0].length);
    }
    return out;
  }

  /** Asserts {@code |actual - expected| <= abs + rel |expected|} element-wise, with a useful message. */
  public static void assertClose(double[] expected, float[] actual, double rel, double abs, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double tol = abs + rel * Math.abs(expected[i]);
      assertTrue(Math.abs(expected[i] - actual[i]) <= tol,
          what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i] + " (tol " + tol + ")");
    }
  }

  /** Sets a variable's value through a placeholder (built once, before the session is created). */
  public static final class Assigner {
    private final Placeholder<TFloat32> value;
    private final Assign<TFloat32> assign;
    private final Shape shape;

    public Assigner(Ops tf, Variable<TFloat32> variable) {
      this.shape = variable.shape();
      this.value = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
      this.assign = tf.assign(variable, value);
    }

    public void set(Session session, float[] values) {
      try (TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(values, true, false))) {
        session.runner().feed(value, t).addTarget(assign).run().close();
      }
    }
  }

  /**
   * A gradient check of {@code loss}: the analytic gradient from {@link Graph#addGradients} with respect
   * to each variable of {@code check}, against central differences. Build the whole model first; this
   * adds the gradient and assign ops, opens its own session, sets every variable of {@code start} (a
   * variable left out keeps its initial value) and perturbs one element at a time.
   */
  public static void checkGradient(Graph g, Ops tf, Operand<TFloat32> loss,
      java.util.Map<Variable<TFloat32>, float[]> start, java.util.List<Variable<TFloat32>> check,
      double eps, double rel, double abs, String what) {
    Output<?>[] xs = new Output<?>[check.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = check.get(i).asOutput();
    }
    Output<?>[] grads = g.addGradients(loss.asOutput(), xs);
    java.util.Map<Variable<TFloat32>, Assigner> assigners = new java.util.LinkedHashMap<>();
    for (Variable<TFloat32> v : start.keySet()) {
      assigners.put(v, new Assigner(tf, v));
    }
    for (Variable<TFloat32> v : check) {
      assigners.computeIfAbsent(v, k -> new Assigner(tf, k));
    }
    try (Session s = new Session(g)) {
      s.initialize();
      start.forEach((v, values) -> assigners.get(v).set(s, values));
      for (int c = 0; c < check.size(); c++) {
        Variable<TFloat32> v = check.get(c);
        Assigner assigner = assigners.get(v);
        float[] base = fetch(s, v);
        float[] analytic = fetch(s, grads[c]);
        double[] numeric = new double[base.length];
        for (int i = 0; i < base.length; i++) {
          float[] p = base.clone();
          p[i] = (float) (base[i] + eps);
          double step = p[i];
          assigner.set(s, p);
          double up = fetch(s, loss)[0];
          p[i] = (float) (base[i] - eps);
          step -= p[i];
          assigner.set(s, p);
          double down = fetch(s, loss)[0];
          numeric[i] = (up - down) / step;
        }
        assigner.set(s, base);
        for (float a : analytic) {
          assertTrue(Float.isFinite(a), what + ": non-finite analytic gradient");
        }
        assertClose(numeric, analytic, rel, abs, what + " d/d" + v.op().name());
      }
    }
  }

  /** {@link #checkGradient(Graph, Ops, Operand, java.util.Map, java.util.List, double, double, double, String)} for one variable at its initial value. */
  public static void checkGradient(Graph g, Ops tf, Operand<TFloat32> loss, Variable<TFloat32> variable,
      double eps, double rel, double abs, String what) {
    checkGradient(g, tf, loss, java.util.Map.of(), java.util.List.of(variable), eps, rel, abs, what);
  }
}
