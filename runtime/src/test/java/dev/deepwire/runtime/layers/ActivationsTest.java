package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.annotations.ActivationFunction;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Each activation through {@link Activations#apply} against the formula evaluated in Java doubles. */
class ActivationsTest {

  static final float[] X = {-30f, -5f, -2.5f, -1f, -0.3f, 0f, 0.3f, 1f, 2.5f, 5f, 30f};

  static final double SELU_ALPHA = 1.6732632423543772;
  static final double SELU_SCALE = 1.0507009873554805;

  /** erf by its Taylor series (|x| <= 5, double accuracy ~1e-9 there) and ±1 beyond. */
  static double erf(double x) {
    if (Math.abs(x) > 5) {
      return Math.signum(x);
    }
    double sum = 0;
    double term = x; // (-1)^n x^(2n+1) / n!
    for (int n = 0; n < 200; n++) {
      sum += term / (2 * n + 1);
      term *= -x * x / (n + 1);
      if (Math.abs(term) < 1e-18) {
        break;
      }
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static double[] map(DoubleUnaryOperator f) {
    double[] out = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      out[i] = f.applyAsDouble(X[i]);
    }
    return out;
  }

  static float[] apply(ActivationFunction fn, double alpha, float[] x) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> out = Activations.apply(tf, fn, alpha, tf.constant(x));
      return fetch(s, out);
    }
  }

  static void check(ActivationFunction fn, double alpha, DoubleUnaryOperator f) {
    float[] actual = apply(fn, alpha, X);
    for (float a : actual) {
      assertTrue(Float.isFinite(a), fn + " gave a non-finite value");
    }
    assertClose(map(f), actual, 1e-5, 1e-6, fn.name());
  }

  @Test
  void erfReferenceIsRight() {
    // Sanity of the Java reference: known values of erf.
    assertEquals(0.8427007929497149, erf(1), 1e-12);
    assertEquals(0.9953222650189527, erf(2), 1e-12);
    assertEquals(-0.5204998778130465, erf(-0.5), 1e-12);
    assertEquals(0.9999999845827421, erf(4), 1e-10);
  }

  @Test
  void linear() {
    check(ActivationFunction.LINEAR, 0, x -> x);
  }

  @Test
  void relu() {
    check(ActivationFunction.RELU, 0, x -> Math.max(0, x));
  }

  @Test
  void leakyReluUsesAlpha() {
    check(ActivationFunction.LEAKY_RELU, 0.1, x -> x >= 0 ? x : 0.1 * x);
    check(ActivationFunction.LEAKY_RELU, 0.3, x -> x >= 0 ? x : 0.3 * x);
  }

  @Test
  void sigmoidFn() {
    check(ActivationFunction.SIGMOID, 0, ActivationsTest::sigmoid);
  }

  @Test
  void tanh() {
    check(ActivationFunction.TANH, 0, Math::tanh);
  }

  @Test
  void softmaxSumsToOneAlongLastAxis() {
    double max = Double.NEGATIVE_INFINITY;
    for (float x : X) {
      max = Math.max(max, x);
    }
    double z = 0;
    for (float x : X) {
      z += Math.exp(x - max);
    }
    double m = max;
    double norm = z;
    check(ActivationFunction.SOFTMAX, 0, x -> Math.exp(x - m) / norm);

    // A matrix: each row normalised on its own.
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      float[][] rows = {{1f, 2f, 3f}, {-1f, 0f, 10f}};
      float[] out = fetch(s, Activations.apply(tf, ActivationFunction.SOFTMAX, 0, tf.constant(rows)));
      double[] expected = new double[6];
      for (int r = 0; r < 2; r++) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
          sum += Math.exp(rows[r][c]);
        }
        for (int c = 0; c < 3; c++) {
          expected[r * 3 + c] = Math.exp(rows[r][c]) / sum;
        }
      }
      assertClose(expected, out, 1e-5, 1e-7, "softmax rows");
    }
  }

  @Test
  void elu() {
    check(ActivationFunction.ELU, 0, x -> x > 0 ? x : Math.exp(x) - 1);
  }

  @Test
  void seluWithPublishedConstants() {
    check(ActivationFunction.SELU, 0,
        x -> SELU_SCALE * (x > 0 ? x : SELU_ALPHA * (Math.exp(x) - 1)));
  }

  @Test
  void geluExactErfForm() {
    check(ActivationFunction.GELU, 0, x -> 0.5 * x * (1 + erf(x / Math.sqrt(2))));
  }

  @Test
  void swish() {
    check(ActivationFunction.SWISH, 0, x -> x * sigmoid(x));
  }

  @Test
  void softplusStaysFiniteForLargeInputs() {
    check(ActivationFunction.SOFTPLUS, 0, x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
    float[] big = apply(ActivationFunction.SOFTPLUS, 0, new float[] {-100f, -30f, 30f, 100f});
    assertEquals(0, big[0], 1e-30);
    assertEquals(Math.log1p(Math.exp(-30)), big[1], 1e-18);
    assertEquals(30, big[2], 1e-5);
    assertEquals(100, big[3], 1e-5);
    for (float v : big) {
      assertFalse(Float.isNaN(v) || Float.isInfinite(v));
    }
  }

  @Test
  void onlySoftmaxAndSigmoidHaveLogits() {
    for (ActivationFunction fn : ActivationFunction.values()) {
      assertEquals(fn == ActivationFunction.SOFTMAX || fn == ActivationFunction.SIGMOID,
          Activations.hasLogits(fn), fn.name());
    }
  }

  @Test
  void activationLayerRecordsLogitsForSoftmax() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Operand<TFloat32> in = tf.constant(new float[][] {{1f, 2f}});
      Operand<TFloat32> soft = new ActivationLayer(ActivationFunction.SOFTMAX, 0).call(scope.child("a"), in);
      Operand<TFloat32> relu = new ActivationLayer(ActivationFunction.RELU, 0).call(scope.child("b"), in);
      assertTrue(scope.logitsOf(soft).isPresent());
      assertTrue(scope.logitsOf(soft).get() == in);
      assertFalse(scope.logitsOf(relu).isPresent());
      double e = Math.exp(1);
      assertClose(new double[] {1 / (1 + e), e / (1 + e)}, fetch(s, soft), 1e-6, 1e-7, "softmax");
    }
  }
}
