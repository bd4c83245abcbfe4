package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.RecurrentTest.BATCH;
import static dev.deepwire.runtime.layers.RecurrentTest.TIME;
import static dev.deepwire.runtime.layers.RecurrentTest.UNITS;
import static dev.deepwire.runtime.layers.RecurrentTest.cell;
import static dev.deepwire.runtime.layers.RecurrentTest.random;
import static dev.deepwire.runtime.layers.RecurrentTest.sequences;
import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.layers.RecurrentTest.Weights;
import dev.deepwire.runtime.layers.RnnReference.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Initial states, final states and truncated back-propagation through time of {@link Recurrent}. */
class RecurrentStatesTest {

  private static final int CHUNK = 2;

  /** Initial states {@code [BATCH][UNITS]}, one array per state of the cell. */
  private static float[][][] initialStates(Kind kind, Random random) {
    int count = kind == Kind.LSTM ? 2 : 1;
    float[][][] states = new float[count][BATCH][];
    for (int s = 0; s < count; s++) {
      for (int b = 0; b < BATCH; b++) {
        states[s][b] = random(random, UNITS, 0.9);
      }
    }
    return states;
  }

  private static double[] row(float[][][] states, int s, int b) {
    double[] out = new double[UNITS];
    if (s < states.length) {
      for (int j = 0; j < UNITS; j++) {
        out[j] = states[s][b][j];
      }
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"SIMPLE", "LSTM", "GRU_AFTER"})
  void startsFromInitialStatesAndRecordsItsFinalStates(Kind kind) {
    float[][][] x = sequences(new Random(11));
    float[][][] start = initialStates(kind, new Random(12));
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 7, tf.constant(0f));
      List<Operand<TFloat32>> given = new ArrayList<>();
      for (float[][] state : start) {
        given.add(tf.constant(state));
      }
      Operand<TFloat32> all = new Recurrent(cell(kind), true, false).call(scope.child("rnn"), tf.constant(x), given);
      List<Operand<TFloat32>> finals = scope.statesOf(all).orElseThrow();
      assertEquals(start.length, finals.size());
      Operand<TFloat32> lastH = new FinalState(0).call(scope.child("h"), all);
      Weights w = Weights.of(scope, "rnn", kind, new Random(13));
      try (Session s = new Session(g)) {
        s.initialize();
        w.assign(tf, s);
        double[] expectedAll = new double[BATCH * TIME * UNITS];
        double[][] expectedFinals = new double[finals.size()][BATCH * UNITS];
        for (int b = 0; b < BATCH; b++) {
          double[][] ref = w.reference().runFrom(x[b], row(start, 0, b), row(start, 1, b));
          for (int t = 0; t < TIME; t++) {
            System.arraycopy(ref[t], 0, expectedAll, (b * TIME + t) * UNITS, UNITS);
          }
          for (int st = 0; st < finals.size(); st++) {
            System.arraycopy(ref[TIME + st], 0, expectedFinals[st], b * UNITS, UNITS);
          }
        }
        assertClose(expectedAll, fetch(s, all), 1e-5, 1e-5, kind + " outputs");
        for (int st = 0; st < finals.size(); st++) {
          assertClose(expectedFinals[st], fetch(s, finals.get(st)), 1e-5, 1e-5, kind + " final state " + st);
        }
        assertClose(expectedFinals[0], fetch(s, lastH), 1e-5, 1e-5, kind + " @FinalState(0)");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"SIMPLE", "LSTM"})
  void gradientsReachTheInitialStates(Kind kind) {
    float[][][] x = sequences(new Random(14));
    float[][][] start = initialStates(kind, new Random(15));
    float[] probe = random(new Random(16), BATCH * TIME * UNITS, 1);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 7, tf.constant(0f));
      List<Variable<TFloat32>> variables = new ArrayList<>();
      List<Operand<TFloat32>> given = new ArrayList<>();
      for (float[][] state : start) {
        Variable<TFloat32> v = tf.variable(tf.constant(state));
        variables.add(v);
        given.add(tf.identity(v));
      }
      Operand<TFloat32> all = new Recurrent(cell(kind), true, false).call(scope.child("rnn"), tf.constant(x), given);
      Operand<TFloat32> loss = weightedSum(tf, all, probe);
      Weights w = Weights.of(scope, "rnn", kind, new Random(17));
      TfTesting.checkGradient(g, tf, loss, w.values(), variables, 1e-2, 2e-2, 3e-3, kind + " initial states");
    }
  }

  /**
   * With {@code truncate = 2} over 4 steps, the gradient is that of the truncated objective: the loss with the
   * state entering step 2 held at its value, so weights reach the outputs of steps 2 and 3 only through steps 2
   * and 3. Its finite differences come from the plain-Java reference (doubles); full BPTT differs from it.
   */
  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"SIMPLE", "LSTM"})
  void truncatedGradientIsThatOfTheTruncatedObjective(Kind kind) {
    float[][][] x = sequences(new Random(18));
    float[] probe = random(new Random(19), BATCH * TIME * UNITS, 1);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 7, tf.constant(0f));
      Recurrent full = new Recurrent(cell(kind), true, false);
      Operand<TFloat32> truncatedLoss = weightedSum(tf, full.truncated(CHUNK).call(scope.child("rnn"),
          tf.constant(x)), probe);
      Operand<TFloat32> fullLoss = weightedSum(tf, full.call(scope.child("rnn"), tf.constant(x)), probe);
      Weights w = Weights.of(scope, "rnn", kind, new Random(20));
      List<Variable<TFloat32>> vars = List.copyOf(w.values().keySet());
      Output<?>[] truncatedGrads = g.addGradients(truncatedLoss.asOutput(), outputs(vars));
      Output<?>[] fullGrads = g.addGradients(fullLoss.asOutput(), outputs(vars));
      List<float[]> values = List.copyOf(w.values().values());
      try (Session s = new Session(g)) {
        s.initialize();
        w.assign(tf, s);
        assertEquals(fetch(s, fullLoss)[0], fetch(s, truncatedLoss)[0], 1e-5, "the forward pass is unchanged");
        double largestChange = 0;
        for (int v = 0; v < vars.size(); v++) {
          double[] numeric = truncatedObjectiveGradient(kind, values, v, x, probe);
          float[] truncated = fetch(s, truncatedGrads[v]);
          assertClose(numeric, truncated, 1e-3, 1e-4, kind + " truncated d/d" + vars.get(v).op().name());
          float[] fullGrad = fetch(s, fullGrads[v]);
          for (int i = 0; i < fullGrad.length; i++) {
            largestChange = Math.max(largestChange, Math.abs(fullGrad[i] - truncated[i]));
          }
        }
        assertTrue(largestChange > 0.05, "full BPTT differs from truncated, largest change " + largestChange);
      }
    }
  }

  /** Central differences, in doubles, of the truncated objective with respect to weight array {@code v}. */
  private static double[] truncatedObjectiveGradient(Kind kind, List<float[]> weights, int v, float[][][] x,
      float[] probe) {
    double[][][] boundary = new double[BATCH][][];
    RnnReference base = reference(kind, weights);
    for (int b = 0; b < BATCH; b++) {
      double[][] ref = base.runFrom(java.util.Arrays.copyOf(x[b], CHUNK), new double[UNITS], new double[UNITS]);
      boundary[b] = new double[][] {ref[CHUNK], ref[CHUNK + 1]};
    }
    float[] w = weights.get(v);
    double[] grad = new double[w.length];
    double eps = 1e-3;
    for (int i = 0; i < w.length; i++) {
      float original = w[i];
      w[i] = (float) (original + eps);
      double up = truncatedObjective(reference(kind, weights), x, probe, boundary);
      double step = w[i];
      w[i] = (float) (original - eps);
      double down = truncatedObjective(reference(kind, weights), x, probe, boundary);
      step -= w[i];
      w[i] = original;
      grad[i] = (up - down) / step;
    }
    return grad;
  }

  /** The loss with the chunk [CHUNK, TIME) starting from the fixed {@code boundary} states. */
  private static double truncatedObjective(RnnReference ref, float[][][] x, float[] probe, double[][][] boundary) {
    double loss = 0;
    for (int b = 0; b < BATCH; b++) {
      double[][] first = ref.runFrom(java.util.Arrays.copyOf(x[b], CHUNK), new double[UNITS], new double[UNITS]);
      double[][] second = ref.runFrom(java.util.Arrays.copyOfRange(x[b], CHUNK, TIME), boundary[b][0],
          boundary[b][1]);
      for (int t = 0; t < TIME; t++) {
        double[] out = t < CHUNK ? first[t] : second[t - CHUNK];
        for (int j = 0; j < UNITS; j++) {
          loss += probe[(b * TIME + t) * UNITS + j] * out[j];
        }
      }
    }
    return loss;
  }

  private static RnnReference reference(Kind kind, List<float[]> weights) {
    return new RnnReference(kind, RecurrentTest.FEATURES, UNITS, weights.get(0), weights.get(1), weights.get(2));
  }

  private static Operand<TFloat32> weightedSum(Ops tf, Operand<TFloat32> all, float[] probe) {
    return tf.sum(tf.math.mul(all, tf.reshape(tf.constant(probe), tf.constant(new long[] {BATCH, TIME, UNITS}))),
        tf.constant(new int[] {0, 1, 2}));
  }

  private static Output<?>[] outputs(List<Variable<TFloat32>> vars) {
    Output<?>[] out = new Output<?>[vars.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = vars.get(i).asOutput();
    }
    return out;
  }
}
