package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepwire.annotations.DistanceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Distances against their formulas in Java, for pairs and triplets, and their gradients. */
class DistanceTest {

  static final float[][] A = {{1f, 2f, -1f}, {0.5f, 0f, 3f}};
  static final float[][] B = {{0f, 2.5f, 1f}, {-1f, 1f, 2f}};
  static final float[][] C = {{1f, 2f, -1f}, {4f, -2f, 0.5f}};

  static double reference(DistanceKind kind, float[] a, float[] b) {
    double l1 = 0;
    double l2 = 0;
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      l1 += Math.abs(a[i] - b[i]);
      l2 += (a[i] - b[i]) * (a[i] - b[i]);
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return switch (kind) {
      case L1 -> l1;
      case L2 -> Math.sqrt(l2);
      case COSINE -> 1 - dot / Math.sqrt(na * nb);
    };
  }

  @ParameterizedTest
  @EnumSource(DistanceKind.class)
  void pairAndTripletDistancesEqualTheFormulas(DistanceKind kind) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Operand<TFloat32> pair = new Distance(kind).call(scope.child("d"), tf.constant(A), tf.constant(B));
      Operand<TFloat32> triplet =
          new Distance(kind).call(scope.child("t"), tf.constant(A), tf.constant(B), tf.constant(C));
      assertArrayEquals(new long[] {2, 1}, TfTesting.fetchShape(s, pair));
      assertArrayEquals(new long[] {2, 2}, TfTesting.fetchShape(s, triplet));
      double[] pairs = {reference(kind, A[0], B[0]), reference(kind, A[1], B[1])};
      double[] triplets = {pairs[0], reference(kind, A[0], C[0]), pairs[1], reference(kind, A[1], C[1])};
      assertClose(pairs, fetch(s, pair), 1e-5, 1e-5, kind + " pairs");
      assertClose(triplets, fetch(s, triplet), 1e-5, 1e-4, kind + " triplets");
    }
  }

  @ParameterizedTest
  @EnumSource(DistanceKind.class)
  void gradientsMatchFiniteDifferences(DistanceKind kind) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> a = tf.variable(tf.constant(A));
      Variable<TFloat32> b = tf.variable(tf.constant(B));
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Operand<TFloat32> d = new Distance(kind).call(scope.child("d"), tf.identity(a), tf.identity(b));
      Operand<TFloat32> loss = tf.sum(tf.math.mul(d, tf.constant(new float[][] {{1f}, {-0.5f}})),
          tf.constant(new int[] {0, 1}));
      TfTesting.checkGradient(g, tf, loss, Map.of(), List.of(a, b), 1e-2, 2e-2, 2e-3, kind.name());
    }
  }

  @org.junit.jupiter.api.Test
  void shapesAreOnePerPair() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Operand<TFloat32> d = new Distance(DistanceKind.L2).call(scope.child("d"), tf.constant(A), tf.constant(B));
      assertArrayEquals(Shape.of(2, 1).asArray(), d.shape().asArray());
    }
  }

  @Test
  void distancesCarryTheirLossMargin() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Operand<TFloat32> tuned = new Distance(DistanceKind.COSINE, 0.5).call(scope.child("d"), tf.constant(A),
          tf.constant(B));
      Operand<TFloat32> plain = new Distance(DistanceKind.L2).call(scope.child("e"), tf.constant(A), tf.constant(B));
      assertEquals(Optional.of(0.5f), scope.marginOf(tuned));
      assertEquals(Optional.of(1f), scope.marginOf(plain));
      assertThrows(IllegalArgumentException.class, () -> new Distance(DistanceKind.L2, 0));
    }
  }
}
