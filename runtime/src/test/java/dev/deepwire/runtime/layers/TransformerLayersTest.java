package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.RecurrentTest.random;
import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepwire.annotations.ActivationFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class TransformerLayersTest {

  static final int BATCH = 2;
  static final int TIME = 4;
  static final int WIDTH = 4;
  static final int HEADS = 2;
  static final int KEY = 3;
  /** The second sequence's last step is padding. */
  static final float[][] MASK = {{1, 1, 1, 1}, {1, 1, 1, 0}};

  static float[][][] sequences(Random random) {
    float[][][] x = new float[BATCH][TIME][];
    for (int b = 0; b < BATCH; b++) {
      for (int t = 0; t < TIME; t++) {
        x[b][t] = random(random, WIDTH, 1.5);
      }
    }
    return x;
  }

  @Test
  void layerNormEqualsTheReference() {
    float[][][] x = sequences(new Random(1));
    float[] gamma = random(new Random(2), WIDTH, 1);
    float[] beta = random(new Random(3), WIDTH, 1);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Operand<TFloat32> y = new LayerNorm(1e-3).call(scope.child("norm"), tf.constant(x));
      try (Session s = new Session(g)) {
        s.initialize();
        new TfTesting.Assigner(tf, scope.weights().get("norm.gamma")).set(s, gamma);
        new TfTesting.Assigner(tf, scope.weights().get("norm.beta")).set(s, beta);
        double[] expected = new double[BATCH * TIME * WIDTH];
        for (int b = 0; b < BATCH; b++) {
          for (int t = 0; t < TIME; t++) {
            double mean = 0;
            for (float v : x[b][t]) {
              mean += v / (double) WIDTH;
            }
            double variance = 0;
            for (float v : x[b][t]) {
              variance += (v - mean) * (v - mean) / WIDTH;
            }
            for (int i = 0; i < WIDTH; i++) {
              expected[(b * TIME + t) * WIDTH + i] = gamma[i] * (x[b][t][i] - mean) / Math.sqrt(variance + 1e-3)
                  + beta[i];
            }
          }
        }
        assertClose(expected, fetch(s, y), 1e-5, 1e-5, "layer norm");
      }
    }
  }

  @Test
  void layerNormGradientsMatchFiniteDifferences() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Variable<TFloat32> x = tf.variable(tf.constant(random(new Random(4), BATCH * TIME * WIDTH, 1.5)));
      Operand<TFloat32> y = new LayerNorm(1e-3).call(scope.child("norm"),
          tf.reshape(tf.identity(x), tf.constant(new long[] {BATCH, TIME, WIDTH})));
      Operand<TFloat32> loss = probe(tf, y, BATCH * TIME * WIDTH, new Random(5));
      List<Variable<TFloat32>> check = new ArrayList<>(List.of(x));
      check.addAll(scope.weights().values());
      Map<Variable<TFloat32>, float[]> start = Map.of(scope.weights().get("norm.gamma"),
          random(new Random(6), WIDTH, 1));
      TfTesting.checkGradient(g, tf, loss, start, check, 1e-2, 2e-2, 2e-3, "layer norm");
    }
  }

  /** Plain-Java multi-head attention with the given weights; returns {output, weights} flattened. */
  static double[][] referenceAttention(float[][][] x, Map<String, float[]> w, float[][] mask, boolean causal) {
    int hk = HEADS * KEY;
    double[] out = new double[BATCH * TIME * WIDTH];
    double[] weights = new double[BATCH * HEADS * TIME * TIME];
    for (int b = 0; b < BATCH; b++) {
      double[][] q = affine(x[b], w.get("mha.query.kernel"), w.get("mha.query.bias"), hk);
      double[][] k = affine(x[b], w.get("mha.key.kernel"), w.get("mha.key.bias"), hk);
      double[][] v = affine(x[b], w.get("mha.value.kernel"), w.get("mha.value.bias"), hk);
      double[][] merged = new double[TIME][hk];
      for (int h = 0; h < HEADS; h++) {
        for (int i = 0; i < TIME; i++) {
          double[] scores = new double[TIME];
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < TIME; j++) {
            for (int d = 0; d < KEY; d++) {
              scores[j] += q[i][h * KEY + d] * k[j][h * KEY + d] / Math.sqrt(KEY);
            }
            if (visible(mask, causal, b, i, j)) {
              max = Math.max(max, scores[j]);
            }
          }
          double sum = 0;
          for (int j = 0; j < TIME; j++) {
            sum += visible(mask, causal, b, i, j) ? Math.exp(scores[j] - max) : 0;
          }
          for (int j = 0; j < TIME; j++) {
            double a = visible(mask, causal, b, i, j) ? Math.exp(scores[j] - max) / sum : 0;
            weights[((b * HEADS + h) * TIME + i) * TIME + j] = a;
            for (int d = 0; d < KEY; d++) {
              merged[i][h * KEY + d] += a * v[j][h * KEY + d];
            }
          }
        }
      }
      float[][] mergedF = new float[TIME][hk];
      for (int i = 0; i < TIME; i++) {
        for (int d = 0; d < hk; d++) {
          mergedF[i][d] = (float) merged[i][d];
        }
      }
      double[][] o = affine(mergedF, w.get("mha.output.kernel"), w.get("mha.output.bias"), WIDTH);
      for (int i = 0; i < TIME; i++) {
        System.arraycopy(o[i], 0, out, (b * TIME + i) * WIDTH, WIDTH);
      }
    }
    return new double[][] {out, weights};
  }

  private static boolean visible(float[][] mask, boolean causal, int b, int i, int j) {
    return (mask == null || mask[b][j] == 1) && (!causal || j <= i);
  }

  private static double[][] affine(float[][] x, float[] kernel, float[] bias, int width) {
    double[][] out = new double[x.length][width];
    for (int t = 0; t < x.length; t++) {
      for (int u = 0; u < width; u++) {
        double s = bias[u];
        for (int i = 0; i < x[t].length; i++) {
          s += x[t][i] * kernel[i * width + u];
        }
        out[t][u] = s;
      }
    }
    return out;
  }

  static Map<String, float[]> attentionWeights(Random random) {
    Map<String, float[]> w = new LinkedHashMap<>();
    for (String part : List.of("query", "key", "value")) {
      w.put("mha." + part + ".kernel", random(random, WIDTH * HEADS * KEY, 0.8));
      w.put("mha." + part + ".bias", random(random, HEADS * KEY, 0.3));
    }
    w.put("mha.output.kernel", random(random, HEADS * KEY * WIDTH, 0.8));
    w.put("mha.output.bias", random(random, WIDTH, 0.3));
    return w;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void multiHeadAttentionEqualsTheReferenceAndMaskedPositionsGetZeroWeight(boolean causal) {
    float[][][] x = sequences(new Random(7));
    Map<String, float[]> w = attentionWeights(new Random(8));
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      MultiHeadAttention.Result r = new MultiHeadAttention(HEADS, KEY, 0)
          .call(scope.child("mha"), tf.constant(x), tf.constant(MASK), causal);
      assertArrayEquals(new long[] {BATCH, TIME, WIDTH}, r.output().shape().asArray());
      assertArrayEquals(new long[] {BATCH, HEADS, TIME, TIME}, r.weights().shape().asArray());
      try (Session s = new Session(g)) {
        s.initialize();
        w.forEach((name, values) -> new TfTesting.Assigner(tf, scope.weights().get(name)).set(s, values));
        double[][] expected = referenceAttention(x, w, MASK, causal);
        float[] weights = fetch(s, r.weights());
        assertClose(expected[0], fetch(s, r.output()), 1e-4, 1e-5, "attention output");
        assertClose(expected[1], weights, 1e-4, 1e-6, "attention weights");
        for (int b = 0; b < BATCH; b++) {
          for (int h = 0; h < HEADS; h++) {
            for (int i = 0; i < TIME; i++) {
              double sum = 0;
              for (int j = 0; j < TIME; j++) {
                float a = weights[((b * HEADS + h) * TIME + i) * TIME + j];
                if (!visible(MASK, causal, b, i, j)) {
                  assertEquals(0f, a, "masked weight b" + b + " h" + h + " i" + i + " j" + j);
                }
                sum += a;
              }
              assertEquals(1.0, sum, 1e-6);
            }
          }
        }
      }
    }
  }

  @Test
  void multiHeadAttentionGradientsMatchFiniteDifferences() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Variable<TFloat32> x = tf.variable(tf.constant(random(new Random(9), BATCH * TIME * WIDTH, 1)));
      Operand<TFloat32> y = new MultiHeadAttention(HEADS, KEY, 0).call(scope.child("mha"),
          tf.reshape(tf.identity(x), tf.constant(new long[] {BATCH, TIME, WIDTH})), tf.constant(MASK), true)
          .output();
      Operand<TFloat32> loss = probe(tf, y, BATCH * TIME * WIDTH, new Random(10));
      List<Variable<TFloat32>> check = new ArrayList<>(List.of(x));
      check.addAll(scope.weights().values());
      TfTesting.checkGradient(g, tf, loss, Map.of(), check, 1e-2, 2e-2, 2e-3, "multi-head attention");
    }
  }

  @Test
  void sinusoidFollowsTheFormula() {
    float[][] p = PositionalEmbedding.sinusoid(3, 4);
    assertEquals(0f, p[0][0]);
    assertEquals(1f, p[0][1]);
    assertEquals((float) Math.sin(1), p[1][0], 1e-7);
    assertEquals((float) Math.cos(1), p[1][1], 1e-7);
    assertEquals((float) Math.sin(2 / Math.pow(10000, 0.5)), p[2][2], 1e-7);
    assertEquals((float) Math.cos(2 / Math.pow(10000, 0.5)), p[2][3], 1e-7);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void encoderOutputsAtRealStepsIgnoreThePadding(boolean preNorm) {
    float[][][] x = sequences(new Random(11));
    float[][][] changed = sequences(new Random(11));
    changed[1][TIME - 1] = random(new Random(12), WIDTH, 5);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      TransformerEncoder encoder = new TransformerEncoder(2, HEADS, 8, 0.1, preNorm, ActivationFunction.GELU, 1e-6);
      Operand<TFloat32> a = encoder.call(scope.child("enc"), tf.constant(x), tf.constant(MASK));
      Operand<TFloat32> b = encoder.call(scope.child("enc"), tf.constant(changed), tf.constant(MASK));
      assertArrayEquals(new long[] {BATCH, TIME, WIDTH}, a.shape().asArray());
      assertEquals(2 * 16, scope.weights().size(), "one set of weights per block, shared by both calls");
      try (Session s = new Session(g)) {
        s.initialize();
        float[] ya = fetch(s, a);
        float[] yb = fetch(s, b);
        for (int i = 0; i < BATCH * TIME * WIDTH; i++) {
          boolean padded = i / WIDTH == BATCH * TIME - 1;
          if (!padded) {
            assertEquals(ya[i], yb[i], 1e-6, "real step output " + i);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void encoderGradientsMatchFiniteDifferences(boolean preNorm) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Variable<TFloat32> x = tf.variable(tf.constant(random(new Random(13), BATCH * TIME * WIDTH, 1)));
      Operand<TFloat32> y = new TransformerEncoder(1, HEADS, 8, 0, preNorm, ActivationFunction.GELU, 1e-3)
          .call(scope.child("enc"), tf.reshape(tf.identity(x), tf.constant(new long[] {BATCH, TIME, WIDTH})),
              tf.constant(MASK));
      Operand<TFloat32> loss = probe(tf, y, BATCH * TIME * WIDTH, new Random(14));
      List<Variable<TFloat32>> check = new ArrayList<>(List.of(x));
      check.addAll(scope.weights().values());
      TfTesting.checkGradient(g, tf, loss, Map.of(), check, 1e-2, 3e-2, 3e-3, "encoder preNorm=" + preNorm);
    }
  }

  @Test
  void encoderRejectsAWidthNotDivisibleByHeads() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new TransformerEncoder(1, 3, 8, 0, false, ActivationFunction.GELU, 1e-3)
              .call(scope.child("enc"), tf.constant(new float[BATCH][TIME][WIDTH]), null));
      assertEquals("transformer encoder 'enc' needs an input [batch, time, d] with d a multiple of heads = 3,"
          + " got [2, 4, 4]", e.getMessage());
    }
  }

  /** A scalar {@code sum(y * r)} with fixed random {@code r}, so every output element matters. */
  private static Operand<TFloat32> probe(Ops tf, Operand<TFloat32> y, int size, Random random) {
    return tf.sum(tf.math.mul(tf.reshape(y, tf.constant(new long[] {-1})), tf.constant(random(random, size, 1))),
        tf.constant(0));
  }
}
