package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static dev.deepwire.runtime.layers.TfTesting.flat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** The autoencoder layers: noise is the identity at inference, KL terms equal their closed forms. */
class GenerativeLayersTest {

  private static float[][] gaussian(int rows, int cols, long seed, double scale, double shift) {
    Random random = new Random(seed);
    float[][] m = new float[rows][cols];
    for (float[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = (float) (shift + scale * random.nextGaussian());
      }
    }
    return m;
  }

  private static float[] run(Session s, Operand<TFloat32> out, Placeholder<TFloat32> flag, float training) {
    try (TFloat32 f = TFloat32.scalarOf(training); Result r = s.runner().feed(flag, f).fetch(out).run()) {
      return flat((TFloat32) r.get(0));
    }
  }

  @Test
  void noiseLayersAreTheIdentityAtInferenceAndCorruptWhileTraining() {
    float[][] input = gaussian(500, 200, 1, 1, 0);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> flag = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      LayerScope scope = LayerScope.root(tf, 5, flag);
      Operand<TFloat32> x = tf.constant(input);
      Operand<TFloat32> noisy = new GaussianNoise(0.3).call(scope.child("noisy"), x);
      Operand<TFloat32> masked = new MaskingNoise(0.25).call(scope.child("masked"), x);

      assertArrayEquals(flat(input), run(s, noisy, flag, 0f), 0f);
      assertArrayEquals(flat(input), run(s, masked, flag, 0f), 0f);

      float[] in = flat(input);
      float[] n = run(s, noisy, flag, 1f);
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < in.length; i++) {
        double d = n[i] - in[i];
        sum += d;
        squares += d * d;
      }
      assertEquals(0, sum / in.length, 0.005, "noise mean");
      assertEquals(0.3, Math.sqrt(squares / in.length), 0.005, "noise stddev");

      float[] m = run(s, masked, flag, 1f);
      int zeroed = 0;
      for (int i = 0; i < in.length; i++) {
        assertTrue(m[i] == 0f || m[i] == in[i], "kept elements are not rescaled, at " + i);
        zeroed += m[i] == 0f ? 1 : 0;
      }
      assertEquals(0.25, zeroed / (double) in.length, 0.005, "share zeroed");
    }
  }

  @Test
  void sampleAddsTheClosedFormKlAndIsTheMeanAtInference() {
    float[][] mu = gaussian(64, 6, 2, 1.5, 0.3);
    float[][] logVar = gaussian(64, 6, 3, 0.8, -0.2);
    double expected = 0;
    for (int r = 0; r < 64; r++) {
      for (int j = 0; j < 6; j++) {
        double v = Math.exp(logVar[r][j]);
        // KL(N(m, v) || N(0, 1)) = (v + m² - 1 - ln v) / 2 per unit
        expected += 0.5 * (v + mu[r][j] * mu[r][j] - 1 - logVar[r][j]);
      }
    }
    expected /= 64;
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> flag = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      LayerScope scope = LayerScope.root(tf, 5, flag);
      Operand<TFloat32> z = new Sample(0.5).call(scope.child("z"), tf.constant(mu), tf.constant(logVar));

      assertEquals(expected, fetch(s, scope.reports().get("kl"))[0], 1e-4 * expected, "reported KL");
      assertEquals(1, scope.losses().size());
      assertEquals(0.5 * expected, fetch(s, scope.losses().get(0))[0], 1e-4 * expected, "weighted KL in the loss");
      assertArrayEquals(flat(mu), run(s, z, flag, 0f), 0f);

      // Training: (z - mu) / sigma is standard normal noise.
      float[] sampled = run(s, z, flag, 1f);
      float[] m = flat(mu);
      float[] lv = flat(logVar);
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < m.length; i++) {
        double eps = (sampled[i] - m[i]) / Math.exp(0.5 * lv[i]);
        sum += eps;
        squares += eps * eps;
      }
      assertEquals(0, sum / m.length, 0.15, "eps mean");
      assertEquals(1, squares / m.length, 0.2, "eps variance");
    }
  }

  @Test
  void klGradientsMatchFiniteDifferences() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> mu = tf.variable(tf.constant(gaussian(4, 3, 4, 1, 0)));
      Variable<TFloat32> logVar = tf.variable(tf.constant(gaussian(4, 3, 5, 0.5, 0)));
      Operand<TFloat32> kl = Sample.klDivergence(tf, tf.identity(mu), tf.identity(logVar));
      TfTesting.checkGradient(g, tf, kl, Map.of(), List.of(mu, logVar), 1e-2, 1e-2, 1e-3, "KL");
    }
  }

  @Test
  void activityPenaltiesMatchTheirFormulasAndPassTheInputThrough() {
    float[][] a = new float[32][5];
    Random random = new Random(7);
    for (float[] row : a) {
      for (int j = 0; j < 5; j++) {
        row[j] = (float) (0.02 + 0.5 * random.nextDouble() * (j + 1) / 5);
      }
    }
    double rho = 0.05;
    double kl = 0;
    for (int j = 0; j < 5; j++) {
      double mean = 0;
      for (float[] row : a) {
        mean += row[j] / 32.0;
      }
      kl += rho * Math.log(rho / mean) + (1 - rho) * Math.log((1 - rho) / (1 - mean));
    }
    double l1 = 0;
    for (float[] row : a) {
      for (float v : row) {
        l1 += Math.abs(v) / 32.0;
      }
    }
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 5, tf.constant(1f));
      Operand<TFloat32> out = new ActivityRegularization(1e-3, rho, 0.2).call(scope.child("sparse"), tf.constant(a));
      assertArrayEquals(flat(a), fetch(s, out), 0f);
      double expected = 1e-3 * l1 + 0.2 * kl;
      assertEquals(expected, fetch(s, scope.reports().get("sparsity"))[0], 1e-5 * expected + 1e-7, "penalty");
      assertEquals(expected, fetch(s, scope.losses().get(0))[0], 1e-5 * expected + 1e-7, "loss term");
    }
  }
}
