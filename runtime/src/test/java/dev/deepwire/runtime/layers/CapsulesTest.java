package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Capsule layers against a plain-Java CapsNet reference, and their gradients against finite differences. */
class CapsulesTest {

  static final int BATCH = 2;
  static final int IN = 3;
  static final int IN_DIM = 2;
  static final int COUNT = 2;
  static final int DIM = 3;

  static float[] random(Random r, int n, double scale) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (r.nextGaussian() * scale);
    }
    return x;
  }

  /** squash along rows of length {@code dim}. */
  static double[] squash(double[] s, int dim) {
    double[] v = new double[s.length];
    for (int row = 0; row < s.length / dim; row++) {
      double n2 = 0;
      for (int d = 0; d < dim; d++) {
        n2 += s[row * dim + d] * s[row * dim + d];
      }
      double scale = n2 / (1 + n2) / Math.sqrt(n2 + Squash.EPSILON);
      for (int d = 0; d < dim; d++) {
        v[row * dim + d] = s[row * dim + d] * scale;
      }
    }
    return v;
  }

  /** The paper's routing, written out in loops: u {@code [b, in, inDim]}, w {@code [in, inDim, count * dim]}. */
  static double[] routingReference(float[] u, float[] w, int iterations) {
    double[][][][] uHat = new double[BATCH][IN][COUNT][DIM];
    for (int b = 0; b < BATCH; b++) {
      for (int i = 0; i < IN; i++) {
        for (int j = 0; j < COUNT; j++) {
          for (int d = 0; d < DIM; d++) {
            double sum = 0;
            for (int k = 0; k < IN_DIM; k++) {
              sum += u[(b * IN + i) * IN_DIM + k] * w[(i * IN_DIM + k) * COUNT * DIM + j * DIM + d];
            }
            uHat[b][i][j][d] = sum;
          }
        }
      }
    }
    double[] v = new double[BATCH * COUNT * DIM];
    for (int b = 0; b < BATCH; b++) {
      double[][] logits = new double[IN][COUNT];
      double[] vb = null;
      for (int r = 0; r < iterations; r++) {
        double[] s = new double[COUNT * DIM];
        for (int i = 0; i < IN; i++) {
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < COUNT; j++) {
            max = Math.max(max, logits[i][j]);
          }
          double z = 0;
          for (int j = 0; j < COUNT; j++) {
            z += Math.exp(logits[i][j] - max);
          }
          for (int j = 0; j < COUNT; j++) {
            double c = Math.exp(logits[i][j] - max) / z;
            for (int d = 0; d < DIM; d++) {
              s[j * DIM + d] += c * uHat[b][i][j][d];
            }
          }
        }
        vb = squash(s, DIM);
        for (int i = 0; i < IN; i++) {
          for (int j = 0; j < COUNT; j++) {
            for (int d = 0; d < DIM; d++) {
              logits[i][j] += uHat[b][i][j][d] * vb[j * DIM + d];
            }
          }
        }
      }
      System.arraycopy(vb, 0, v, b * COUNT * DIM, COUNT * DIM);
    }
    return v;
  }

  @Test
  void routingEqualsThePlainJavaReference() {
    Random r = new Random(3);
    float[] u = random(r, BATCH * IN * IN_DIM, 1.0);
    float[] w = random(r, IN * IN_DIM * COUNT * DIM, 1.0);
    for (int iterations : new int[] {1, 3}) {
      try (Graph g = new Graph()) {
        Ops tf = Ops.create(g);
        LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
        Operand<TFloat32> v = new Capsules(COUNT, DIM, iterations).call(scope.child("caps"),
            tf.reshape(tf.constant(u), tf.constant(new long[] {BATCH, IN, IN_DIM})));
        Variable<TFloat32> kernel = scope.weights().get("caps.kernel");
        assertEquals(org.tensorflow.ndarray.Shape.of(IN, IN_DIM, COUNT * DIM), kernel.shape());
        TfTesting.Assigner set = new TfTesting.Assigner(tf, kernel);
        try (Session s = new Session(g)) {
          s.initialize();
          set.set(s, w);
          assertArrayEquals(new long[] {BATCH, COUNT, DIM}, TfTesting.fetchShape(s, v));
          assertClose(routingReference(u, w, iterations), fetch(s, v), 1e-4, 1e-6, iterations + " routing iterations");
        }
      }
    }
  }

  @Test
  void squashKeepsLengthsBelowOneAndDirections() {
    float[] s = {0f, 0f, 0.01f, 0f, 3f, 4f, 1e3f, -1e3f, -0.5f, 0.5f, 0.5f, 0.5f};
    try (Graph g = new Graph(); Session session = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> vectors = tf.reshape(tf.constant(s), tf.constant(new long[] {6, 2}));
      Operand<TFloat32> v = Squash.apply(tf, vectors);
      float[] lengths = fetch(session, Squash.length(tf, v));
      float[] squashed = fetch(session, v);
      assertClose(squash(toDoubles(s), 2), squashed, 1e-5, 1e-7, "squash");
      for (float length : lengths) {
        assertTrue(length >= 0 && length < 1, "length " + length + " in [0, 1)");
      }
      // |s| = 5 becomes 25 / 26; a long vector approaches but stays below 1.
      assertEquals(25.0 / 26, lengths[2], 1e-5);
      assertTrue(lengths[3] > 0.999 && lengths[3] < 1);
    }
  }

  @Test
  void primaryCapsGroupConvolutionChannelsIntoSquashedVectors() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 5, tf.constant(0f));
      float[] image = random(new Random(4), 2 * 9 * 9 * 3, 1.0);
      Operand<TFloat32> caps = new PrimaryCaps(4, 5, 3, 2).call(scope.child("primary"),
          tf.reshape(tf.constant(image), tf.constant(new long[] {2, 9, 9, 3})));
      assertEquals(Map.of("primary.kernel", org.tensorflow.ndarray.Shape.of(3, 3, 3, 20),
          "primary.bias", org.tensorflow.ndarray.Shape.of(20)), shapes(scope));
      try (Session s = new Session(g)) {
        s.initialize();
        // (9 - 3) / 2 + 1 = 4 positions per side, 4 channels: 64 capsules of 5 values.
        assertArrayEquals(new long[] {2, 64, 5}, TfTesting.fetchShape(s, caps));
        for (float length : fetch(s, Squash.length(tf, caps))) {
          assertTrue(length < 1);
        }
      }
    }
  }

  @Test
  void capsuleGradientsMatchFiniteDifferences() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 7, tf.constant(0f));
      Random r = new Random(8);
      Operand<TFloat32> image = tf.reshape(tf.constant(random(r, 2 * 5 * 5 * 1, 1.0)),
          tf.constant(new long[] {2, 5, 5, 1}));
      Operand<TFloat32> primary = new PrimaryCaps(2, 2, 3, 1).call(scope.child("primary"), image);
      Operand<TFloat32> caps = new Capsules(COUNT, DIM, 3).call(scope.child("caps"), primary);
      Operand<TFloat32> lengths = new CapsuleLength().call(scope.child("length"), caps);
      Operand<TFloat32> loss = tf.sum(tf.math.mul(lengths, tf.constant(new float[][] {{1f, -2f}, {0.5f, 1.5f}})),
          tf.constant(new int[] {0, 1}));
      Variable<TFloat32> kernel = scope.weights().get("caps.kernel");
      Variable<TFloat32> conv = scope.weights().get("primary.kernel");
      TfTesting.checkGradient(g, tf, loss, Map.of(kernel, random(r, 18 * 2 * COUNT * DIM, 0.5)),
          List.of(kernel, conv), 1e-2, 2e-2, 2e-3, "capsules");
    }
  }

  @Test
  void maskKeepsTheLabelledCapsuleWhileTrainingAndTheLongestAtInference() {
    float[] caps = {0.1f, 0f, 0f, 0.5f, 0.2f, 0f, 0.3f, 0.3f, 0.3f, 0f, 0f, 0.1f};
    float[] label = {1f, 0f, 0f, 1f};
    for (float training : new float[] {1f, 0f}) {
      try (Graph g = new Graph(); Session s = new Session(g)) {
        Ops tf = Ops.create(g);
        LayerScope scope = LayerScope.root(tf, 1, tf.constant(training));
        Operand<TFloat32> masked = new CapsuleMask().call(scope.child("mask"),
            tf.reshape(tf.constant(caps), tf.constant(new long[] {2, 2, 3})),
            tf.reshape(tf.constant(label), tf.constant(new long[] {2, 2})));
        float[] expected = training == 1
            ? new float[] {0.1f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0.1f}
            : new float[] {0f, 0f, 0f, 0.5f, 0.2f, 0f, 0.3f, 0.3f, 0.3f, 0f, 0f, 0f};
        assertArrayEquals(expected, fetch(s, masked), "training = " + training);
      }
    }
  }

  private static Map<String, org.tensorflow.ndarray.Shape> shapes(LayerScope scope) {
    Map<String, org.tensorflow.ndarray.Shape> shapes = new java.util.LinkedHashMap<>();
    scope.weights().forEach((name, v) -> shapes.put(name, v.shape()));
    return shapes;
  }

  private static double[] toDoubles(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }
}
