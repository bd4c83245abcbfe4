package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.RecurrentTest.random;
import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class MaskedLmHeadTest {

  static final int BATCH = 2;
  static final int TIME = 4;
  static final int WIDTH = 4;
  static final int VOCABULARY = 7;
  static final int SLOTS = 2;
  static final float[][] POSITIONS = {{1, 3}, {0, 2}};
  /** The second sequence's second slot is unused. */
  static final float[][] WEIGHTS = {{1, 1}, {1, 0}};

  /** A head tied to an embedding of {@code ids}; returns the head's output. */
  private static Operand<TFloat32> build(Ops tf, LayerScope scope, Operand<TFloat32> hidden) {
    new Embedding(VOCABULARY, WIDTH, true).call(scope.child("vectors"), tf.constant(new float[][] {{4, 5}}));
    return new MaskedLmHead(scope.child("vectors"), VOCABULARY, 1e-3).call(scope.child("head"), hidden,
        tf.constant(POSITIONS), tf.constant(WEIGHTS));
  }

  @Test
  void theOutputProjectionIsTheEmbeddingTableItself() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Operand<TFloat32> weights = tf.constant(WEIGHTS);
      new Embedding(VOCABULARY, WIDTH, true).call(scope.child("vectors"), tf.constant(new float[][] {{4, 5}}));
      Operand<TFloat32> y = new MaskedLmHead(scope.child("vectors"), VOCABULARY, 1e-3).call(scope.child("head"),
          tf.constant(new float[BATCH][TIME][WIDTH]), tf.constant(POSITIONS), weights);
      assertEquals(Set.of("vectors.embeddings", "head.transform.kernel", "head.transform.bias", "head.norm.gamma",
          "head.norm.beta", "head.bias"), scope.weights().keySet(), "one table, no separate output kernel");
      assertSame(weights, scope.maskOf(y).orElseThrow(), "the slot weights mask the loss");
      assertEquals(1, countVariablesShaped(g, VOCABULARY, WIDTH), "one [vocabulary, width] variable in the graph");
    }
  }

  private static long countVariablesShaped(Graph g, long rows, long cols) {
    long count = 0;
    for (var it = g.operations(); it.hasNext(); ) {
      var op = it.next();
      if (op.type().equals("VariableV2") && op.output(0).shape().numDimensions() == 2
          && op.output(0).shape().get(0) == rows && op.output(0).shape().get(1) == cols) {
        count++;
      }
    }
    return count;
  }

  @Test
  void outputEqualsThePlainJavaReference() {
    float[] hidden = random(new Random(1), BATCH * TIME * WIDTH, 1.5);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Operand<TFloat32> y = build(tf, scope,
          tf.reshape(tf.constant(hidden), tf.constant(new long[] {BATCH, TIME, WIDTH})));
      try (Session s = new Session(g)) {
        s.initialize();
        Map<String, Variable<TFloat32>> w = scope.weights();
        float[] table = random(new Random(2), VOCABULARY * WIDTH, 1);
        float[] kernel = random(new Random(3), WIDTH * WIDTH, 1);
        float[] bias = random(new Random(4), WIDTH, 0.5);
        float[] gamma = random(new Random(5), WIDTH, 1);
        float[] beta = random(new Random(6), WIDTH, 0.5);
        float[] outBias = random(new Random(7), VOCABULARY, 0.5);
        new TfTesting.Assigner(tf, w.get("vectors.embeddings")).set(s, table);
        new TfTesting.Assigner(tf, w.get("head.transform.kernel")).set(s, kernel);
        new TfTesting.Assigner(tf, w.get("head.transform.bias")).set(s, bias);
        new TfTesting.Assigner(tf, w.get("head.norm.gamma")).set(s, gamma);
        new TfTesting.Assigner(tf, w.get("head.norm.beta")).set(s, beta);
        new TfTesting.Assigner(tf, w.get("head.bias")).set(s, outBias);
        double[] expected = new double[BATCH * SLOTS * VOCABULARY];
        for (int b = 0; b < BATCH; b++) {
          for (int slot = 0; slot < SLOTS; slot++) {
            int t = (int) POSITIONS[b][slot];
            double[] z = new double[WIDTH];
            for (int j = 0; j < WIDTH; j++) {
              z[j] = bias[j];
              for (int i = 0; i < WIDTH; i++) {
                z[j] += hidden[(b * TIME + t) * WIDTH + i] * kernel[i * WIDTH + j];
              }
              z[j] = 0.5 * z[j] * (1 + ActivationsTest.erf(z[j] / Math.sqrt(2)));
            }
            double mean = java.util.Arrays.stream(z).average().orElseThrow();
            double variance = java.util.Arrays.stream(z).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
            double[] logits = new double[VOCABULARY];
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < VOCABULARY; v++) {
              logits[v] = outBias[v];
              for (int j = 0; j < WIDTH; j++) {
                double n = gamma[j] * (z[j] - mean) / Math.sqrt(variance + 1e-3) + beta[j];
                logits[v] += n * table[v * WIDTH + j];
              }
              max = Math.max(max, logits[v]);
            }
            double sum = 0;
            for (int v = 0; v < VOCABULARY; v++) {
              sum += Math.exp(logits[v] - max);
            }
            for (int v = 0; v < VOCABULARY; v++) {
              expected[(b * SLOTS + slot) * VOCABULARY + v] = Math.exp(logits[v] - max) / sum;
            }
          }
        }
        assertClose(expected, fetch(s, y), 1e-4, 1e-5, "masked-LM head");
      }
    }
  }

  @Test
  void gradientsMatchFiniteDifferencesTableIncluded() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Variable<TFloat32> x = tf.variable(tf.constant(random(new Random(8), BATCH * TIME * WIDTH, 1.5)));
      Operand<TFloat32> y = build(tf, scope,
          tf.reshape(tf.identity(x), tf.constant(new long[] {BATCH, TIME, WIDTH})));
      Operand<TFloat32> loss = tf.sum(tf.math.mul(tf.reshape(y, tf.constant(new long[] {-1})),
          tf.constant(random(new Random(9), BATCH * SLOTS * VOCABULARY, 1))), tf.constant(0));
      List<Variable<TFloat32>> check = new ArrayList<>(List.of(x));
      check.addAll(scope.weights().values());
      assertTrue(check.contains(scope.weights().get("vectors.embeddings")));
      Map<Variable<TFloat32>, float[]> start = Map.of(scope.weights().get("vectors.embeddings"),
          random(new Random(10), VOCABULARY * WIDTH, 1));
      TfTesting.checkGradient(g, tf, loss, start, check, 1e-2, 3e-2, 3e-3, "masked-LM head");
    }
  }
}
