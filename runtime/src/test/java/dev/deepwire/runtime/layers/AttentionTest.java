package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.RecurrentTest.random;
import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepwire.annotations.AttentionScore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class AttentionTest {

  static final int BATCH = 2;
  static final int TIME = 4;
  static final int KEY = 3;
  static final int QUERY = 5;
  static final int UNITS = 6;
  /** The second sequence has two real steps and two padded ones. */
  static final float[][] MASK = {{1, 1, 1, 1}, {1, 1, 0, 0}};

  /** Weights for one score, in the order the layer names them, and the plain-Java scores they give. */
  record Fixture(Map<String, float[]> weights) {
    static Fixture of(AttentionScore score, Random random) {
      Map<String, float[]> w = new LinkedHashMap<>();
      if (score == AttentionScore.ADDITIVE) {
        w.put("att.keyKernel", random(random, KEY * UNITS, 0.8));
        w.put("att.queryKernel", random(random, QUERY * UNITS, 0.8));
        w.put("att.scoreVector", random(random, UNITS, 0.8));
      } else {
        w.put("att.kernel", random(random, QUERY * KEY, 0.8));
      }
      return new Fixture(w);
    }

    double score(AttentionScore score, float[] q, float[] k) {
      if (score == AttentionScore.MULTIPLICATIVE) {
        float[] kernel = weights.get("att.kernel");
        double s = 0;
        for (int i = 0; i < QUERY; i++) {
          for (int j = 0; j < KEY; j++) {
            s += q[i] * kernel[i * KEY + j] * k[j];
          }
        }
        return s;
      }
      float[] wk = weights.get("att.keyKernel");
      float[] wq = weights.get("att.queryKernel");
      float[] v = weights.get("att.scoreVector");
      double s = 0;
      for (int u = 0; u < UNITS; u++) {
        double h = 0;
        for (int j = 0; j < KEY; j++) {
          h += k[j] * wk[j * UNITS + u];
        }
        for (int i = 0; i < QUERY; i++) {
          h += q[i] * wq[i * UNITS + u];
        }
        s += v[u] * Math.tanh(h);
      }
      return s;
    }

    void assign(Ops tf, Session s, LayerScope scope) {
      weights.forEach((name, values) -> new TfTesting.Assigner(tf, scope.weights().get(name)).set(s, values));
    }
  }

  @ParameterizedTest
  @EnumSource(value = AttentionScore.class, names = {"ADDITIVE", "MULTIPLICATIVE"})
  void weightsAndContextEqualTheReferenceAndIgnorePadding(AttentionScore score) {
    Random random = new Random(1);
    float[][][] memory = new float[BATCH][TIME][];
    float[][] query = new float[BATCH][];
    for (int b = 0; b < BATCH; b++) {
      query[b] = random(random, QUERY, 1);
      for (int t = 0; t < TIME; t++) {
        memory[b][t] = random(random, KEY, 1);
      }
    }
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 3, tf.constant(0f));
      Attention.Attended out = new Attention(score, UNITS)
          .over(scope.child("att"), tf.constant(memory), tf.constant(MASK)).attend(tf.constant(query));
      assertArrayEquals(new long[] {BATCH, TIME}, out.weights().shape().asArray());
      assertArrayEquals(new long[] {BATCH, KEY}, out.context().shape().asArray());
      Fixture fixture = Fixture.of(score, new Random(2));
      try (Session s = new Session(g)) {
        s.initialize();
        fixture.assign(tf, s, scope);
        double[] expectedWeights = new double[BATCH * TIME];
        double[] expectedContext = new double[BATCH * KEY];
        for (int b = 0; b < BATCH; b++) {
          double max = Double.NEGATIVE_INFINITY;
          double[] scores = new double[TIME];
          for (int t = 0; t < TIME; t++) {
            scores[t] = fixture.score(score, query[b], memory[b][t]);
            if (MASK[b][t] == 1) {
              max = Math.max(max, scores[t]);
            }
          }
          double sum = 0;
          for (int t = 0; t < TIME; t++) {
            sum += MASK[b][t] == 1 ? Math.exp(scores[t] - max) : 0;
          }
          for (int t = 0; t < TIME; t++) {
            double w = MASK[b][t] == 1 ? Math.exp(scores[t] - max) / sum : 0;
            expectedWeights[b * TIME + t] = w;
            for (int j = 0; j < KEY; j++) {
              expectedContext[b * KEY + j] += w * memory[b][t][j];
            }
          }
        }
        float[] weights = fetch(s, out.weights());
        assertClose(expectedWeights, weights, 1e-5, 1e-6, score + " weights");
        assertClose(expectedContext, fetch(s, out.context()), 1e-5, 1e-6, score + " context");
        assertEquals(0f, weights[TIME + 2]);
        assertEquals(0f, weights[TIME + 3]);
        for (int b = 0; b < BATCH; b++) {
          double sum = 0;
          for (int t = 0; t < TIME; t++) {
            sum += weights[b * TIME + t];
          }
          assertEquals(1.0, sum, 1e-6);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = AttentionScore.class, names = {"ADDITIVE", "MULTIPLICATIVE"})
  void gradientsMatchFiniteDifferences(AttentionScore score) {
    Random random = new Random(5);
    float[] probe = random(random, BATCH * KEY, 1);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 3, tf.constant(0f));
      Variable<TFloat32> memory = tf.variable(tf.constant(random(random, BATCH * TIME * KEY, 1)));
      Variable<TFloat32> query = tf.variable(tf.constant(random(random, BATCH * QUERY, 1)));
      Operand<TFloat32> context = new Attention(score, UNITS).over(scope.child("att"),
              tf.reshape(tf.identity(memory), tf.constant(new long[] {BATCH, TIME, KEY})), tf.constant(MASK))
          .attend(tf.reshape(tf.identity(query), tf.constant(new long[] {BATCH, QUERY}))).context();
      Operand<TFloat32> loss = tf.sum(tf.math.mul(tf.reshape(context, tf.constant(new long[] {-1})),
          tf.constant(probe)), tf.constant(0));
      List<Variable<TFloat32>> check = new java.util.ArrayList<>(List.of(memory, query));
      check.addAll(scope.weights().values());
      TfTesting.checkGradient(g, tf, loss, Map.of(), check, 1e-2, 2e-2, 2e-3, score + " attention");
    }
  }

  @Test
  void rejectsAMemoryWithoutATimeAxis() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 3, tf.constant(0f));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new Attention(AttentionScore.ADDITIVE, 4).over(scope.child("att"), tf.constant(new float[2][3]), null));
      assertEquals("attention 'att' needs a memory [batch, time, key] with known time and key, got [2, 3]",
          e.getMessage());
    }
  }
}
