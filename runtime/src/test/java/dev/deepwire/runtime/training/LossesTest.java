package dev.deepwire.runtime.training;

import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.annotations.Loss;
import dev.deepwire.runtime.layers.TfTesting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Loss values against formulas evaluated in Java, and loss gradients against finite differences. */
class LossesTest {

  static final float[][] LOGITS = {{2f, -1f, 0.5f, 0f}, {-0.3f, 1.2f, 0.8f, -2f}, {0.1f, 0.2f, -0.4f, 3f}};
  static final int[] LABELS = {0, 2, 3};
  static final float[][] ONE_HOT = {{1, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static double[] softmax(float[] row) {
    double max = Double.NEGATIVE_INFINITY;
    for (float x : row) {
      max = Math.max(max, x);
    }
    double sum = 0;
    double[] out = new double[row.length];
    for (int i = 0; i < row.length; i++) {
      out[i] = Math.exp(row[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < row.length; i++) {
      out[i] /= sum;
    }
    return out;
  }

  static float[][] sigmoid(float[][] z) {
    float[][] p = new float[z.length][z[0].length];
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < z[0].length; j++) {
        p[i][j] = (float) sigmoid(z[i][j]);
      }
    }
    return p;
  }

  static float[][] softmax(float[][] z) {
    float[][] p = new float[z.length][];
    for (int i = 0; i < z.length; i++) {
      double[] row = softmax(z[i]);
      p[i] = new float[row.length];
      for (int j = 0; j < row.length; j++) {
        p[i][j] = (float) row[j];
      }
    }
    return p;
  }

  static double value(Loss loss, float[][] output, Optional<float[][]> logits, Object target) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<?> t = target instanceof int[] ints ? tf.constant(ints) : tf.constant((float[][]) target);
      Operand<TFloat32> l = Losses.build(tf, loss, tf.constant(output), logits.map(tf::constant), t);
      assertEquals(0, l.shape().numDimensions(), "a scalar loss");
      return fetch(s, l)[0];
    }
  }

  @Test
  void mseAndMae() {
    float[][] out = {{1f, 2f, -1f}, {3f, 4f, 0.5f}};
    float[][] target = {{0f, 2f, 1f}, {5f, 1f, 0f}};
    double se = 0;
    double ae = 0;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        double d = out[i][j] - target[i][j];
        se += d * d;
        ae += Math.abs(d);
      }
    }
    assertEquals(se / 6, value(Loss.MSE, out, Optional.empty(), target), 1e-6);
    assertEquals(ae / 6, value(Loss.MAE, out, Optional.empty(), target), 1e-6);
    assertEquals((1 + 0 + 4 + 4 + 9 + 0.25) / 6, value(Loss.MSE, out, Optional.empty(), target), 1e-6);
  }

  @Test
  void binaryCrossentropyWithAndWithoutLogits() {
    float[][] z = {{2f, -1f}, {0.3f, -4f}, {6f, 0f}};
    float[][] t = {{1f, 0f}, {0f, 1f}, {0.7f, 0.5f}};
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        double p = sigmoid(z[i][j]);
        sum += -(t[i][j] * Math.log(p) + (1 - t[i][j]) * Math.log(1 - p));
      }
    }
    double expected = sum / 6;
    assertEquals(expected, value(Loss.BINARY_CROSSENTROPY, sigmoid(z), Optional.of(z), t), 1e-5);
    assertEquals(expected, value(Loss.BINARY_CROSSENTROPY, sigmoid(z), Optional.empty(), t), 1e-5);
  }

  @Test
  void binaryCrossentropyStaysFiniteOnSaturatedOutputs() {
    // p = 0 for a positive target: log is kept away from 0 (epsilon 1e-7), not infinite.
    float[][] p = {{0f}, {1f}};
    float[][] t = {{1f}, {1f}};
    double v = value(Loss.BINARY_CROSSENTROPY, p, Optional.empty(), t);
    assertTrue(Double.isFinite(v));
    assertEquals(-Math.log(1e-7) / 2, v, 1e-3);
    // Logits of ±100: exact large values, no overflow.
    float[][] z = {{100f}, {-100f}};
    float[][] t2 = {{0f}, {0f}};
    assertEquals(100.0 / 2, value(Loss.BINARY_CROSSENTROPY, sigmoid(z), Optional.of(z), t2), 1e-4);
  }

  @Test
  void categoricalAndSparseCrossentropyOfAKnownSoftmax() {
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      sum += -Math.log(softmax(LOGITS[i])[LABELS[i]]);
    }
    double expected = sum / 3;
    float[][] probs = softmax(LOGITS);
    assertEquals(expected, value(Loss.CATEGORICAL_CROSSENTROPY, probs, Optional.of(LOGITS), ONE_HOT), 1e-5);
    assertEquals(expected, value(Loss.CATEGORICAL_CROSSENTROPY, probs, Optional.empty(), ONE_HOT), 1e-5);
    assertEquals(expected, value(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, probs, Optional.of(LOGITS), LABELS),
        1e-5);
    assertEquals(expected, value(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, probs, Optional.empty(), LABELS),
        1e-5);
    // Uniform output over 4 classes: ln 4.
    float[][] uniform = {{0.25f, 0.25f, 0.25f, 0.25f}};
    assertEquals(Math.log(4), value(Loss.CATEGORICAL_CROSSENTROPY, uniform, Optional.empty(),
        new float[][] {{0, 1, 0, 0}}), 1e-6);
    // Soft targets: - sum t log p.
    float[][] soft = {{0.5f, 0.5f, 0f, 0f}};
    double[] p0 = softmax(LOGITS[0]);
    assertEquals(-(0.5 * Math.log(p0[0]) + 0.5 * Math.log(p0[1])), value(Loss.CATEGORICAL_CROSSENTROPY,
        new float[][] {probs[0]}, Optional.of(new float[][] {LOGITS[0]}), soft), 1e-5);
  }

  @Test
  void noneHasNoMath() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = tf.constant(new float[][] {{1f}});
      assertThrows(IllegalArgumentException.class, () -> Losses.build(tf, Loss.NONE, x, Optional.empty(), x));
    }
  }

  // ---- gradients: the loss as a function of a [3, 4] variable read through identity ----

  enum Head { IDENTITY, SIGMOID, SOFTMAX }

  static void checkGradient(Loss loss, Head head, boolean withLogits, float[][] start, Object target) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> v = tf.withName("z").variable(tf.constant(start));
      Operand<TFloat32> z = tf.identity(v);
      Operand<TFloat32> out = switch (head) {
        case IDENTITY -> z;
        case SIGMOID -> tf.math.sigmoid(z);
        case SOFTMAX -> tf.nn.softmax(z);
      };
      Operand<?> t = target instanceof int[] ints ? tf.constant(ints) : tf.constant((float[][]) target);
      Operand<TFloat32> l = Losses.build(tf, loss, out, withLogits ? Optional.of(z) : Optional.empty(), t);
      TfTesting.checkGradient(g, tf, l, Map.of(), List.of(v), 1e-2, 1e-2, 1e-4,
          loss + (withLogits ? " with logits" : " without logits"));
    }
  }

  static float[][] random(long seed, double scale) {
    Random r = new Random(seed);
    float[][] m = new float[3][4];
    for (float[] row : m) {
      for (int j = 0; j < 4; j++) {
        row[j] = (float) ((r.nextDouble() * 2 - 1) * scale);
      }
    }
    return m;
  }

  @Test
  void mseGradient() {
    checkGradient(Loss.MSE, Head.IDENTITY, false, random(1, 2), random(2, 2));
  }

  @Test
  void maeGradientAwayFromZero() {
    float[][] start = random(3, 2);
    float[][] target = new float[3][4];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        // 0.3 to 1.3 away from the output, on alternating sides
        target[i][j] = start[i][j] + ((i + j) % 2 == 0 ? 1 : -1) * (0.3f + 0.25f * j);
      }
    }
    checkGradient(Loss.MAE, Head.IDENTITY, false, start, target);
  }

  @Test
  void binaryCrossentropyGradients() {
    float[][] target = {{1, 0, 1, 0}, {0, 0, 1, 1}, {0.3f, 0.7f, 1, 0}};
    checkGradient(Loss.BINARY_CROSSENTROPY, Head.SIGMOID, true, random(4, 3), target);
    checkGradient(Loss.BINARY_CROSSENTROPY, Head.SIGMOID, false, random(4, 3), target);
  }

  @Test
  void categoricalCrossentropyGradients() {
    checkGradient(Loss.CATEGORICAL_CROSSENTROPY, Head.SOFTMAX, true, LOGITS, ONE_HOT);
    checkGradient(Loss.CATEGORICAL_CROSSENTROPY, Head.SOFTMAX, false, LOGITS, ONE_HOT);
  }

  @Test
  void sparseCategoricalCrossentropyGradients() {
    checkGradient(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Head.SOFTMAX, true, LOGITS, LABELS);
    checkGradient(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Head.SOFTMAX, false, LOGITS, LABELS);
  }
}
