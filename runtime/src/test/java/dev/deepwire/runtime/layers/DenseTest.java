package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static dev.deepwire.runtime.layers.TfTesting.fetchShape;
import static dev.deepwire.runtime.layers.TfTesting.flat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.Initializer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class DenseTest {

  static final float[][] X = {{1f, 2f, 3f}, {4f, -5f, 6f}};
  static final float[][] K = {{1f, -1f}, {0.5f, 2f}, {-1f, 0.25f}};
  static final float[] B = {0.5f, -3f};

  /** X·K + B in doubles. */
  static double[][] affine(float[][] x, float[][] k, float[] b) {
    double[][] z = new double[x.length][k[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < k[0].length; j++) {
        double sum = b == null ? 0 : b[j];
        for (int f = 0; f < k.length; f++) {
          sum += (double) x[i][f] * k[f][j];
        }
        z[i][j] = sum;
      }
    }
    return z;
  }

  static double[] flatMap(double[][] z, DoubleUnaryOperator f) {
    double[] out = new double[z.length * z[0].length];
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < z[0].length; j++) {
        out[i * z[0].length + j] = f.applyAsDouble(z[i][j]);
      }
    }
    return out;
  }

  @Test
  void forwardWithAssignedWeightsAndRelu() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 3, tf.constant(0f));
      Operand<TFloat32> out =
          Dense.withUnits(2).activation(ActivationFunction.RELU).build().call(scope.child("d"), tf.constant(X));
      Variable<TFloat32> kernel = scope.weights().get("d.kernel");
      Variable<TFloat32> bias = scope.weights().get("d.bias");
      assertEquals(Shape.of(3, 2), kernel.shape());
      assertEquals(Shape.of(2), bias.shape());
      assertEquals(Shape.of(2, 2), out.shape());
      var setKernel = tf.assign(kernel, tf.constant(K));
      var setBias = tf.assign(bias, tf.constant(B));
      try (Session s = new Session(g)) {
        s.initialize();
        s.run(setKernel);
        s.run(setBias);
        assertArrayEquals(new long[] {2, 2}, fetchShape(s, out));
        // z = [[-0.5, 0.75], [-4.5, -14.5]] → relu
        double[] expected = flatMap(affine(X, K, B), z -> Math.max(0, z));
        assertClose(expected, fetch(s, out), 1e-6, 1e-6, "dense relu");
        assertEquals(0f, fetch(s, out)[0]);
        assertEquals(0.75f, fetch(s, out)[1], 1e-6);
      }
    }
  }

  @Test
  void onesInitializersGiveRowSumPlusOne() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 3, tf.constant(0f));
      Operand<TFloat32> out = Dense.withUnits(4).kernelInitializer(Initializer.ONES)
          .biasInitializer(Initializer.ONES).build().call(scope.child("d"), tf.constant(X));
      s.initialize();
      assertArrayEquals(new long[] {2, 4}, fetchShape(s, out));
      double[] expected = new double[8];
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 4; j++) {
          expected[i * 4 + j] = X[i][0] + X[i][1] + X[i][2] + 1;
        }
      }
      assertClose(expected, fetch(s, out), 0, 0, "ones dense");
    }
  }

  @Test
  void withoutBiasCreatesNoBiasWeight() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 3, tf.constant(0f));
      Operand<TFloat32> out = Dense.withUnits(2).useBias(false).kernelInitializer(Initializer.ONES)
          .biasInitializer(Initializer.ONES).build().call(scope.child("d"), tf.constant(X));
      assertEquals(List.of("d.kernel"), List.copyOf(scope.weights().keySet()));
      s.initialize();
      assertClose(new double[] {6, 6, 5, 5}, fetch(s, out), 0, 0, "no bias");
    }
  }

  @Test
  void unknownBatchKeepsUnitsAndRejectsOtherRanks() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 3, tf.constant(0f));
      Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 5)));
      Operand<TFloat32> out = Dense.withUnits(7).build().call(scope.child("d"), in);
      assertArrayEquals(new long[] {-1, 7}, out.shape().asArray());
      assertArrayEquals(new long[] {-1, 7}, Dense.outputShape(new long[] {-1, 5}, 7));
      Operand<TFloat32> rank3 = tf.zeros(tf.constant(new long[] {2, 3, 4}), TFloat32.class);
      assertThrows(IllegalArgumentException.class, () -> Dense.withUnits(2).build().call(scope.child("e"), rank3));
      assertThrows(IllegalArgumentException.class, () -> Dense.outputShape(new long[] {2, 3, 4}, 2));
      assertThrows(IllegalArgumentException.class, () -> Dense.withUnits(0));
    }
  }

  @Test
  void sameScopeNameSharesWeightsDifferentNamesDoNot() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 3, tf.constant(0f));
      Dense dense = Dense.withUnits(3).biasInitializer(Initializer.ONES).build();
      Operand<TFloat32> a = dense.call(scope.child("same"), tf.constant(X));
      Operand<TFloat32> b = Dense.withUnits(3).build().call(scope.child("same"), tf.constant(X));
      assertEquals(2, scope.weights().size(), "kernel and bias once: " + scope.weights().keySet());
      s.initialize();
      // Same weights: identical outputs although the second layer would have initialised bias to zeros.
      assertArrayEquals(fetch(s, a), fetch(s, b), 0f);

      Dense.withUnits(3).build().call(scope.child("other"), tf.constant(X));
      assertEquals(4, scope.weights().size(), "" + scope.weights().keySet());
      assertFalse(scope.weights().get("same.kernel") == scope.weights().get("other.kernel"));

      // Sharing with an incompatible shape is an error, not a silent new weight.
      Operand<TFloat32> wide = tf.constant(new float[][] {{1f, 2f, 3f, 4f}});
      assertThrows(IllegalStateException.class,
          () -> Dense.withUnits(3).build().call(scope.child("same"), wide));
    }
  }

  @Test
  void logitsAreRecordedForSigmoidAndSoftmaxOnly() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 3, tf.constant(0f));
      Operand<TFloat32> sig = Dense.withUnits(2).activation(ActivationFunction.SIGMOID)
          .kernelInitializer(Initializer.ONES).build().call(scope.child("s"), tf.constant(X));
      Operand<TFloat32> relu = Dense.withUnits(2).activation(ActivationFunction.RELU)
          .build().call(scope.child("r"), tf.constant(X));
      assertTrue(scope.logitsOf(sig).isPresent());
      assertFalse(scope.logitsOf(relu).isPresent());
      s.initialize();
      // kernel ones, bias zeros: logits are the row sums
      assertClose(new double[] {6, 6, 5, 5}, fetch(s, scope.logitsOf(sig).get()), 0, 0, "logits");
    }
  }

  @Test
  void weightPenaltiesAreAddedAsLosses() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 3, tf.constant(0f));
      Dense.withUnits(2).kernelInitializer(Initializer.ONES).kernelL1(0.25).build()
          .call(scope.child("l1"), tf.constant(X));
      Dense.withUnits(2).kernelL2(0.5).build().call(scope.child("l2"), tf.constant(X));
      Dense.withUnits(2).build().call(scope.child("none"), tf.constant(X));
      assertEquals(2, scope.losses().size());
      assertThrows(IllegalArgumentException.class, () -> Dense.withUnits(2).kernelL2(-1));
      Variable<TFloat32> k2 = scope.weights().get("l2.kernel");
      float[] start = {1f, -2f, 0.5f, 3f, -0.25f, 1.5f};
      try (Session s = new Session(g)) {
        s.initialize();
        s.run(tf.assign(k2, tf.constant(new float[][] {{1f, -2f}, {0.5f, 3f}, {-0.25f, 1.5f}})));
        assertEquals(0.25 * 6, fetch(s, scope.losses().get(0))[0], 1e-6);
        double sq = 0;
        for (float v : start) {
          sq += v * v;
        }
        assertEquals(0.5 * sq, fetch(s, scope.losses().get(1))[0], 1e-5);
      }
      // d/dK of 0.5 sum K^2 is K: through the identity read, without the SquareGrad crash.
      TfTesting.checkGradient(g, tf, scope.losses().get(1), Map.of(k2, start), List.of(k2),
          1e-2, 1e-2, 1e-3, "L2 penalty");
    }
  }

  /** Dense + activation, loss = sum(out * fixed weights), gradients w.r.t. kernel and bias. */
  @ParameterizedTest
  @EnumSource(ActivationFunction.class)
  void gradientsMatchFiniteDifferences(ActivationFunction fn) {
    Random random = new Random(11);
    float[][] x = new float[3][4];
    float[][] k = new float[4][5];
    float[] b = new float[5];
    float[][] w = new float[3][5];
    // Inputs and weights drawn until every pre-activation is at least 0.1 away from the kinks at 0.
    double minAbs;
    do {
      fill(random, x, 1.5);
      fill(random, k, 1.0);
      for (int j = 0; j < b.length; j++) {
        b[j] = (float) (random.nextDouble() - 0.5);
      }
      minAbs = Double.MAX_VALUE;
      for (double[] row : affine(x, k, b)) {
        for (double z : row) {
          minAbs = Math.min(minAbs, Math.abs(z));
        }
      }
    } while (minAbs < 0.1);
    fill(random, w, 1.0);

    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 5, tf.constant(0f));
      Operand<TFloat32> out = Dense.withUnits(5).activation(fn).alpha(0.2).build()
          .call(scope.child("d"), tf.constant(x));
      Operand<TFloat32> loss = tf.sum(tf.math.mul(out, tf.constant(w)), tf.constant(new int[] {0, 1}));
      Variable<TFloat32> kernel = scope.weights().get("d.kernel");
      Variable<TFloat32> bias = scope.weights().get("d.bias");
      Map<Variable<TFloat32>, float[]> start = new LinkedHashMap<>();
      start.put(kernel, flat(k));
      start.put(bias, b);
      // eps 1e-2 moves a pre-activation by at most 0.015, never across a kink.
      TfTesting.checkGradient(g, tf, loss, start, List.of(kernel, bias), 1e-2, 1e-2, 2e-3, fn.name());
    }
  }

  static void fill(Random random, float[][] m, double scale) {
    for (float[] row : m) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) ((random.nextDouble() * 2 - 1) * scale);
      }
    }
  }
}
