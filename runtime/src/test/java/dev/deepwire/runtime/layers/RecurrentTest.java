package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.Merge;
import dev.deepwire.runtime.layers.RnnReference.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class RecurrentTest {

  static final int BATCH = 2;
  static final int TIME = 4;
  static final int FEATURES = 3;
  static final int UNITS = 5;

  static RecurrentCell cell(Kind kind) {
    return switch (kind) {
      case SIMPLE -> new SimpleRnnCell(UNITS, ActivationFunction.TANH, true);
      case LSTM -> new LstmCell(UNITS);
      case GRU_AFTER -> new GruCell(UNITS);
      case GRU_BEFORE -> new GruCell(UNITS, ActivationFunction.TANH, ActivationFunction.SIGMOID, true, false);
    };
  }

  static float[] random(Random random, int n, double scale) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
    }
    return out;
  }

  static float[][][] sequences(Random random) {
    float[][][] x = new float[BATCH][TIME][];
    for (int b = 0; b < BATCH; b++) {
      for (int t = 0; t < TIME; t++) {
        x[b][t] = random(random, FEATURES, 1.5);
      }
    }
    return x;
  }

  /** The weights of one layer under {@code prefix}, random, with the reference that uses them. */
  record Weights(Map<Variable<TFloat32>, float[]> values, RnnReference reference) {
    static Weights of(LayerScope scope, String prefix, Kind kind, Random random) {
      int k = RnnReference.gates(kind) * UNITS;
      float[] kernel = random(random, FEATURES * k, 0.8);
      float[] recurrent = random(random, UNITS * k, 0.8);
      float[] bias = random(random, kind == Kind.GRU_AFTER ? 2 * k : k, 0.5);
      Map<Variable<TFloat32>, float[]> values = new LinkedHashMap<>();
      values.put(scope.weights().get(prefix + ".kernel"), kernel);
      values.put(scope.weights().get(prefix + ".recurrentKernel"), recurrent);
      values.put(scope.weights().get(prefix + ".bias"), bias);
      return new Weights(values, new RnnReference(kind, FEATURES, UNITS, kernel, recurrent, bias));
    }

    void assign(Ops tf, Session s) {
      values.forEach((v, w) -> new TfTesting.Assigner(tf, v).set(s, w));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void outputsEqualTheReferenceEquations(Kind kind) {
    float[][][] x = sequences(new Random(1));
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 7, tf.constant(0f));
      Operand<TFloat32> last = new Recurrent(cell(kind)).call(scope.child("rnn"), tf.constant(x));
      Operand<TFloat32> all = new Recurrent(cell(kind), true, false).call(scope.child("rnn"), tf.constant(x));
      assertArrayEquals(new long[] {BATCH, UNITS}, last.shape().asArray());
      assertArrayEquals(new long[] {BATCH, TIME, UNITS}, all.shape().asArray());
      Weights w = Weights.of(scope, "rnn", kind, new Random(2));
      try (Session s = new Session(g)) {
        s.initialize();
        w.assign(tf, s);
        double[] expectedLast = new double[BATCH * UNITS];
        double[] expectedAll = new double[BATCH * TIME * UNITS];
        for (int b = 0; b < BATCH; b++) {
          double[][] ref = w.reference().run(x[b], null, false);
          System.arraycopy(ref[TIME], 0, expectedLast, b * UNITS, UNITS);
          for (int t = 0; t < TIME; t++) {
            System.arraycopy(ref[t], 0, expectedAll, (b * TIME + t) * UNITS, UNITS);
          }
        }
        assertClose(expectedLast, fetch(s, last), 1e-5, 1e-5, kind + " last");
        assertClose(expectedAll, fetch(s, all), 1e-5, 1e-5, kind + " sequences");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void gradientsMatchFiniteDifferences(Kind kind) {
    float[][][] x = sequences(new Random(3));
    float[] probe = random(new Random(4), BATCH * TIME * UNITS, 1);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 7, tf.constant(0f));
      Operand<TFloat32> all = new Recurrent(cell(kind), true, false).call(scope.child("rnn"), tf.constant(x));
      Operand<TFloat32> loss = tf.sum(tf.math.mul(all, tf.reshape(tf.constant(probe),
          tf.constant(new long[] {BATCH, TIME, UNITS}))), tf.constant(new int[] {0, 1, 2}));
      Weights w = Weights.of(scope, "rnn", kind, new Random(5));
      TfTesting.checkGradient(g, tf, loss, w.values(), List.copyOf(w.values().keySet()), 1e-2, 2e-2, 3e-3,
          kind.name());
    }
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"LSTM", "GRU_AFTER", "SIMPLE"})
  void paddedBatchGivesWhatEachUnpaddedSequenceGives(Kind kind) {
    Random random = new Random(6);
    int[] lengths = {4, 2, 3};
    float[][][] padded = new float[lengths.length][TIME][FEATURES];
    for (int b = 0; b < lengths.length; b++) {
      for (int t = 0; t < lengths[b]; t++) {
        padded[b][t] = random(random, FEATURES, 1.5);
      }
    }
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 7, tf.constant(0f));
      Operand<TFloat32> masked = new Masking(0).call(scope.child("mask"), tf.constant(padded));
      Recurrent last = new Recurrent(cell(kind));
      Operand<TFloat32> batched = last.call(scope.child("rnn"), masked);
      Operand<TFloat32> sequences = new Recurrent(cell(kind), true, false).call(scope.child("rnn"), masked);
      Operand<TFloat32>[] alone = alone(tf, scope, last, padded, lengths);
      Weights w = Weights.of(scope, "rnn", kind, new Random(8));
      try (Session s = new Session(g)) {
        s.initialize();
        w.assign(tf, s);
        float[] together = fetch(s, batched);
        float[] seqs = fetch(s, sequences);
        for (int b = 0; b < lengths.length; b++) {
          float[] own = fetch(s, alone[b]);
          for (int j = 0; j < UNITS; j++) {
            assertEquals(own[j], together[b * UNITS + j], 1e-6, kind + " sequence " + b);
          }
          for (int t = lengths[b]; t < TIME; t++) {
            for (int j = 0; j < UNITS; j++) {
              assertEquals(0f, seqs[(b * TIME + t) * UNITS + j], 0f, kind + " masked output");
            }
          }
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32>[] alone(Ops tf, LayerScope scope, Recurrent layer, float[][][] padded,
      int[] lengths) {
    Operand<TFloat32>[] out = new Operand[lengths.length];
    for (int b = 0; b < lengths.length; b++) {
      float[][][] one = new float[1][lengths[b]][];
      System.arraycopy(padded[b], 0, one[0], 0, lengths[b]);
      out[b] = layer.call(scope.child("rnn"), tf.constant(one));
    }
    return out;
  }

  @Test
  void embeddingMaskZeroMasksTheRecurrentLayer() {
    float[][] ids = {{3, 1, 2, 0, 0}, {4, 4, 0, 0, 0}};
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 7, tf.constant(0f));
      Embedding embedding = new Embedding(5, FEATURES, true);
      Operand<TFloat32> vectors = embedding.call(scope.child("emb"), tf.constant(ids));
      assertArrayEquals(new long[] {2, 5, FEATURES}, vectors.shape().asArray());
      assertTrue(scope.maskOf(vectors).isPresent());
      Recurrent lstm = new Recurrent(new LstmCell(UNITS));
      Operand<TFloat32> padded = lstm.call(scope.child("lstm"), vectors);
      Operand<TFloat32> first = lstm.call(scope.child("lstm"),
          embedding.call(scope.child("emb"), tf.constant(new float[][] {{3, 1, 2}})));
      Operand<TFloat32> second = lstm.call(scope.child("lstm"),
          embedding.call(scope.child("emb"), tf.constant(new float[][] {{4, 4}})));
      float[] table = random(new Random(9), 5 * FEATURES, 1);
      Variable<TFloat32> embeddings = scope.weights().get("emb.embeddings");
      try (Session s = new Session(g)) {
        s.initialize();
        new TfTesting.Assigner(tf, embeddings).set(s, table);
        float[] rows = fetch(s, vectors);
        for (int b = 0; b < 2; b++) {
          for (int t = 0; t < 5; t++) {
            for (int f = 0; f < FEATURES; f++) {
              assertEquals(table[(int) ids[b][t] * FEATURES + f], rows[(b * 5 + t) * FEATURES + f]);
            }
          }
        }
        float[] both = fetch(s, padded);
        assertArrayEquals(fetch(s, first), java.util.Arrays.copyOfRange(both, 0, UNITS), 1e-6f);
        assertArrayEquals(fetch(s, second), java.util.Arrays.copyOfRange(both, UNITS, 2 * UNITS), 1e-6f);
      }
    }
  }

  @Test
  void embeddingGradientMatchesFiniteDifferences() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 7, tf.constant(0f));
      Operand<TFloat32> vectors =
          new Embedding(4, 2, false).call(scope.child("emb"), tf.constant(new float[][] {{1, 3, 1}, {0, 2, 2}}));
      Operand<TFloat32> loss = tf.sum(tf.math.mul(tf.math.tanh(vectors), tf.constant(new float[][][] {
          {{1, -2}, {0.5f, 1}, {3, 1}}, {{-1, 1}, {2, 0.5f}, {1, 1}}})), tf.constant(new int[] {0, 1, 2}));
      Variable<TFloat32> table = scope.weights().get("emb.embeddings");
      TfTesting.checkGradient(g, tf, loss, Map.of(table, random(new Random(10), 8, 1)), List.of(table),
          1e-2, 1e-2, 2e-3, "embedding");
    }
  }

  @ParameterizedTest
  @EnumSource(Merge.class)
  void bidirectionalMergesForwardAndBackwardRuns(Merge merge) {
    float[][][] x = sequences(new Random(11));
    float[][] mask = {{1, 1, 1, 1}, {1, 1, 0, 0}};
    for (int t = 2; t < TIME; t++) {
      java.util.Arrays.fill(x[1][t], 0f);
    }
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 7, tf.constant(0f));
      Operand<TFloat32> masked = new Masking(0).call(scope.child("mask"), tf.constant(x));
      Bidirectional bi = new Bidirectional(new Recurrent(cell(Kind.GRU_AFTER), true, false), merge);
      Operand<TFloat32> out = bi.call(scope.child("bi"), masked);
      int width = bi.units();
      assertArrayEquals(new long[] {BATCH, TIME, width}, out.shape().asArray());
      Random random = new Random(12);
      Weights fw = Weights.of(scope, "bi.forward", Kind.GRU_AFTER, random);
      Weights bw = Weights.of(scope, "bi.backward", Kind.GRU_AFTER, random);
      double[] expected = new double[BATCH * TIME * width];
      for (int b = 0; b < BATCH; b++) {
        double[][] f = fw.reference().run(x[b], mask[b], false);
        double[][] r = bw.reference().run(x[b], mask[b], true);
        for (int t = 0; t < TIME; t++) {
          for (int j = 0; j < UNITS; j++) {
            int at = (b * TIME + t) * width;
            switch (merge) {
              case CONCAT -> {
                expected[at + j] = f[t][j];
                expected[at + UNITS + j] = r[t][j];
              }
              case SUM -> expected[at + j] = f[t][j] + r[t][j];
              case MEAN -> expected[at + j] = (f[t][j] + r[t][j]) / 2;
              case MUL -> expected[at + j] = f[t][j] * r[t][j];
            }
          }
        }
      }
      try (Session s = new Session(g)) {
        s.initialize();
        fw.assign(tf, s);
        bw.assign(tf, s);
        assertClose(expected, fetch(s, out), 1e-5, 1e-5, "bidirectional " + merge);
      }
    }
  }

  @Test
  void rejectsWrongRanksAndSizes() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 7, tf.constant(0f));
      Operand<TFloat32> flat = tf.constant(new float[][] {{1, 2}});
      assertThrows(IllegalArgumentException.class, () -> new Recurrent(new LstmCell(2)).call(scope.child("a"), flat));
      assertThrows(IllegalArgumentException.class, () -> new LstmCell(0));
      assertThrows(IllegalArgumentException.class, () -> new Embedding(0, 3, false));
      assertThrows(IllegalArgumentException.class, () -> new Embedding(3, -1, false));
      assertArrayEquals(new long[] {-1, 7}, Recurrent.outputShape(new long[] {-1, 5, 3}, 7, false));
      assertArrayEquals(new long[] {-1, 5, 7}, Recurrent.outputShape(new long[] {-1, 5, 3}, 7, true));
    }
  }
}
