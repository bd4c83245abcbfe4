package dev.deepwire.runtime.training;

import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class MetricsTest {

  static final float[][] PROBS = {
      {0.1f, 0.7f, 0.2f}, {0.5f, 0.3f, 0.2f}, {0.2f, 0.2f, 0.6f}, {0.3f, 0.4f, 0.3f}, {0.05f, 0.05f, 0.9f}};
  static final int[] LABELS = {1, 0, 1, 2, 2};

  static double value(Metric metric, Loss loss, float[][] output, Object target) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<?> t = target instanceof int[] ints ? tf.constant(ints) : tf.constant((float[][]) target);
      Operand<TFloat32> m = Metrics.build(tf, metric, loss, tf.constant(output), t);
      assertEquals(0, m.shape().numDimensions(), "a scalar metric");
      return fetch(s, m)[0];
    }
  }

  static int argMax(float[] row) {
    int best = 0;
    for (int i = 1; i < row.length; i++) {
      if (row[i] > row[best]) {
        best = i;
      }
    }
    return best;
  }

  static double expectedAccuracy() {
    int correct = 0;
    for (int i = 0; i < PROBS.length; i++) {
      correct += argMax(PROBS[i]) == LABELS[i] ? 1 : 0;
    }
    return correct / (double) PROBS.length;
  }

  @Test
  void sparseAccuracy() {
    assertEquals(0.6, expectedAccuracy(), 1e-12); // rows 0, 1, 4 right
    assertEquals(expectedAccuracy(),
        value(Metric.ACCURACY, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, PROBS, LABELS), 1e-6);
  }

  @Test
  void oneHotAccuracy() {
    float[][] oneHot = new float[LABELS.length][3];
    for (int i = 0; i < LABELS.length; i++) {
      oneHot[i][LABELS[i]] = 1f;
    }
    assertEquals(expectedAccuracy(), value(Metric.ACCURACY, Loss.CATEGORICAL_CROSSENTROPY, PROBS, oneHot), 1e-6);
  }

  @Test
  void singleSigmoidAccuracyThresholdsAtHalf() {
    float[][] p = {{0.7f}, {0.2f}, {0.5f}, {0.49f}, {0.9f}, {0.1f}};
    float[][] t = {{1f}, {0f}, {1f}, {1f}, {0f}, {0f}};
    int correct = 0;
    for (int i = 0; i < p.length; i++) {
      correct += ((p[i][0] >= 0.5f ? 1f : 0f) == t[i][0]) ? 1 : 0;
    }
    assertEquals(4, correct);
    assertEquals(correct / (double) p.length, value(Metric.ACCURACY, Loss.BINARY_CROSSENTROPY, p, t), 1e-6);
  }

  @Test
  void regressionMetricsAndRmseFinish() {
    float[][] out = {{1f, 2f}, {3f, 5f}};
    float[][] target = {{0f, 2f}, {6f, 1f}};
    double mse = (1 + 0 + 9 + 16) / 4.0;
    double mae = (1 + 0 + 3 + 4) / 4.0;
    assertEquals(mse, value(Metric.MSE, Loss.MSE, out, target), 1e-6);
    assertEquals(mae, value(Metric.MAE, Loss.MSE, out, target), 1e-6);
    // RMSE's batch value is the MSE; the root is taken after averaging over batches.
    assertEquals(mse, value(Metric.RMSE, Loss.MSE, out, target), 1e-6);
    assertEquals(Math.sqrt(mse), Metrics.finish(Metric.RMSE, mse), 1e-12);
    assertEquals(3.0, Metrics.finish(Metric.RMSE, 9.0), 1e-12);
    assertEquals(9.0, Metrics.finish(Metric.MSE, 9.0), 0);
    assertEquals(0.25, Metrics.finish(Metric.ACCURACY, 0.25), 0);
    assertEquals(0.25, Metrics.finish(Metric.MAE, 0.25), 0);
  }
}
