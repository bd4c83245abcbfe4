package dev.deepwire.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.data.FloatColumn;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WineFlavanoidsTest {

  private static TrainTest data;

  @BeforeAll
  static void load() throws IOException {
    data = WineFlavanoids.load(DataSource.bundled());
  }

  @Test
  void splitsEightyTwenty() {
    assertEquals(142, data.train().size());
    assertEquals(36, data.test().size());
    assertArrayEquals(new int[] {12}, data.train().floats("features").exampleShape());
    assertArrayEquals(new int[] {1}, data.train().floats("target").exampleShape());
    assertEquals(12, WineFlavanoids.FEATURE_NAMES.size());
    assertTrue(!WineFlavanoids.FEATURE_NAMES.contains("flavanoids"));
  }

  @Test
  void trainingFeaturesAreStandardized() {
    Standardizer fitted = Standardizer.fit(data.train().floats("features"));
    for (int c = 0; c < 12; c++) {
      assertEquals(0, fitted.mean()[c], 1e-5, "mean of feature " + c);
      assertEquals(1, fitted.std()[c], 1e-4, "std of feature " + c);
    }
    Standardizer test = Standardizer.fit(data.test().floats("features"));
    for (int c = 0; c < 12; c++) {
      assertTrue(Math.abs(test.mean()[c]) < 1 && test.std()[c] > 0.3 && test.std()[c] < 3, "test feature " + c);
    }
  }

  @Test
  void targetIsInOriginalUnits() {
    float[] target = data.train().floats("target").values();
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : target) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertTrue(min >= 0.34f && max <= 5.08f, min + ".." + max);
  }

  @Test
  void loadingIsDeterministic() throws IOException {
    TrainTest again = WineFlavanoids.load(DataSource.bundled());
    assertArrayEquals(data.test().floats("target").values(), again.test().floats("target").values());
    assertArrayEquals(data.train().floats("features").values(), again.train().floats("features").values());
  }

  /** A least-squares fit must beat the train-mean baseline by a wide margin, so a small MLP can too. */
  @Test
  void linearRegressionBeatsTheBaselineComfortably() {
    double baseline = WineFlavanoids.baselineRmse(data);
    double[] w = leastSquares(data.train().floats("features"), data.train().floats("target").values());
    FloatColumn test = data.test().floats("features");
    float[] predicted = new float[test.size()];
    for (int i = 0; i < predicted.length; i++) {
      float[] x = test.example(i);
      double y = w[12];
      for (int c = 0; c < 12; c++) {
        y += w[c] * x[c];
      }
      predicted[i] = (float) y;
    }
    double linear = WineFlavanoids.rmse(predicted, data.test().floats("target").values());
    System.out.printf("wine flavanoids: baseline RMSE %.4f, linear RMSE %.4f, ratio %.3f%n",
        baseline, linear, linear / baseline);
    assertTrue(linear / baseline < 0.6, "ratio " + linear / baseline);
  }

  /** Solves the normal equations of {@code y ≈ X w + b}; returns {@code w} then {@code b}. */
  private static double[] leastSquares(FloatColumn features, float[] y) {
    int n = features.size();
    int k = features.exampleSize() + 1;
    double[][] a = new double[k][k + 1];
    for (int i = 0; i < n; i++) {
      float[] x = features.example(i);
      double[] row = new double[k];
      for (int c = 0; c < k - 1; c++) {
        row[c] = x[c];
      }
      row[k - 1] = 1;
      for (int r = 0; r < k; r++) {
        for (int c = 0; c < k; c++) {
          a[r][c] += row[r] * row[c];
        }
        a[r][k] += row[r] * y[i];
      }
    }
    for (int p = 0; p < k; p++) {
      int best = p;
      for (int r = p + 1; r < k; r++) {
        if (Math.abs(a[r][p]) > Math.abs(a[best][p])) {
          best = r;
        }
      }
      double[] swap = a[p];
      a[p] = a[best];
      a[best] = swap;
      for (int r = 0; r < k; r++) {
        if (r != p) {
          double f = a[r][p] / a[p][p];
          for (int c = p; c <= k; c++) {
            a[r][c] -= f * a[p][c];
          }
        }
      }
    }
    double[] w = new double[k];
    for (int r = 0; r < k; r++) {
      w[r] = a[r][k] / a[r][r];
    }
    return w;
  }
}
