package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.annotations.Initializer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

class InitializersTest {

  static final Shape SHAPE = Shape.of(200, 300);
  static final double FAN_IN = 200;
  static final double FAN_OUT = 300;
  /** Standard deviation of N(0, 1) truncated to [-2, 2], computed here from the normal pdf and cdf. */
  static final double TRUNCATED_STD = truncatedStd();

  static double truncatedStd() {
    // Var = 1 - 2 * 2 phi(2) / (Phi(2) - Phi(-2)), phi(2) = e^-2 / sqrt(2 pi), Phi(2) - Phi(-2) = erf(sqrt 2)
    double phi2 = Math.exp(-2) / Math.sqrt(2 * Math.PI);
    double mass = ActivationsTest.erf(Math.sqrt(2));
    return Math.sqrt(1 - 4 * phi2 / mass);
  }

  static float[] sample(Initializer kind, Shape shape, long seed) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      return fetch(s, Initializers.create(tf, kind, shape, seed));
    }
  }

  static double mean(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x;
    }
    return sum / v.length;
  }

  static double variance(float[] v) {
    double m = mean(v);
    double sum = 0;
    for (float x : v) {
      sum += (x - m) * (x - m);
    }
    return sum / (v.length - 1);
  }

  static double maxAbs(float[] v) {
    double max = 0;
    for (float x : v) {
      max = Math.max(max, Math.abs(x));
    }
    return max;
  }

  @Test
  void uniformInitializersStayInLimitsWithUniformVariance() {
    double[][] cases = {{Initializer.GLOROT_UNIFORM.ordinal(), Math.sqrt(6 / (FAN_IN + FAN_OUT))},
        {Initializer.HE_UNIFORM.ordinal(), Math.sqrt(6 / FAN_IN)}};
    for (double[] c : cases) {
      Initializer kind = Initializer.values()[(int) c[0]];
      double limit = c[1];
      float[] v = sample(kind, SHAPE, 1234567L);
      assertEquals(60_000, v.length);
      assertTrue(maxAbs(v) <= limit * (1 + 1e-6), kind + ": max " + maxAbs(v) + " > limit " + limit);
      assertTrue(maxAbs(v) > 0.99 * limit, kind + ": the range is not used up to the limit");
      double expectedVariance = limit * limit / 3; // U(-l, l)
      assertEquals(1, variance(v) / expectedVariance, 0.05, kind + " variance");
      assertEquals(0, mean(v), 0.02 * limit, kind + " mean");
    }
  }

  @Test
  void glorotUniformOnTheDocumentedShape() {
    float[] v = sample(Initializer.GLOROT_UNIFORM, SHAPE, 99L);
    double limit = Math.sqrt(6.0 / 500);
    for (float x : v) {
      assertTrue(Math.abs(x) <= limit + 1e-6, "out of ±" + limit + ": " + x);
    }
    assertEquals(limit * limit / 3, variance(v), 0.05 * limit * limit / 3);
  }

  @ParameterizedTest
  @EnumSource(value = Initializer.class, names = {"HE_NORMAL", "GLOROT_NORMAL", "LECUN_NORMAL"})
  void normalInitializersHaveTheVarianceScalingStd(Initializer kind) {
    double std = switch (kind) {
      case HE_NORMAL -> Math.sqrt(2 / FAN_IN);
      case GLOROT_NORMAL -> Math.sqrt(2 / (FAN_IN + FAN_OUT));
      case LECUN_NORMAL -> Math.sqrt(1 / FAN_IN);
      default -> throw new AssertionError(kind);
    };
    float[] v = sample(kind, SHAPE, 424242L);
    assertEquals(1, Math.sqrt(variance(v)) / std, 0.05, kind + " std");
    assertEquals(0, mean(v), 0.02 * std, kind + " mean");
    // Truncated at two standard deviations of the underlying (rescaled) normal.
    double bound = 2 * std / TRUNCATED_STD;
    assertTrue(maxAbs(v) <= bound * (1 + 1e-5), kind + ": " + maxAbs(v) + " beyond truncation " + bound);
  }

  @Test
  void truncatedStdReferenceIsRight() {
    assertEquals(0.8796256610342398, TRUNCATED_STD, 1e-9);
  }

  @Test
  void zerosAndOnesAreExact() {
    for (float x : sample(Initializer.ZEROS, Shape.of(3, 4), 1)) {
      assertEquals(0f, x, 0f);
    }
    float[] ones = sample(Initializer.ONES, Shape.of(3, 4, 2), 1);
    assertEquals(24, ones.length);
    for (float x : ones) {
      assertEquals(1f, x, 0f);
    }
  }

  @Test
  void fansFollowKerasForDenseAndConvKernels() {
    assertEquals(200, Initializers.fanIn(SHAPE));
    assertEquals(300, Initializers.fanOut(SHAPE));
    assertEquals(3 * 3 * 16, Initializers.fanIn(Shape.of(3, 3, 16, 32)));
    assertEquals(3 * 3 * 32, Initializers.fanOut(Shape.of(3, 3, 16, 32)));
    assertEquals(10, Initializers.fanIn(Shape.of(10)));
    assertEquals(10, Initializers.fanOut(Shape.of(10)));
  }

  /** Values of weight {@code name} of scope {@code path} for model seed {@code seed}, in a fresh graph. */
  static float[] weightValues(long seed, String path, Initializer kind) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      LayerScope root = LayerScope.root(tf, seed, tf.constant(0f));
      root.child(path).weight("kernel", Shape.of(20, 30), kind);
      s.initialize();
      return fetch(s, root.weights().get(path + ".kernel"));
    }
  }

  @ParameterizedTest
  @EnumSource(value = Initializer.class, names = {"GLOROT_UNIFORM", "HE_NORMAL"})
  void sameSeedAndPathGiveSameValuesOtherwiseDifferent(Initializer kind) {
    float[] a = weightValues(42, "a", kind);
    assertArrayEquals(a, weightValues(42, "a", kind), 0f, "same seed and path, fresh graph");
    assertFalse(Arrays.equals(a, weightValues(42, "b", kind)), "another path");
    assertFalse(Arrays.equals(a, weightValues(43, "a", kind)), "another model seed");
    // Within one graph: two layers never start equal.
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      LayerScope root = LayerScope.root(tf, 42, tf.constant(0f));
      root.child("x").weight("kernel", Shape.of(20, 30), kind);
      root.child("y").weight("kernel", Shape.of(20, 30), kind);
      root.child("x").weight("bias", Shape.of(20, 30), kind);
      s.initialize();
      float[] x = fetch(s, root.weights().get("x.kernel"));
      assertFalse(Arrays.equals(x, fetch(s, root.weights().get("y.kernel"))));
      assertFalse(Arrays.equals(x, fetch(s, root.weights().get("x.bias"))));
    }
  }
}
