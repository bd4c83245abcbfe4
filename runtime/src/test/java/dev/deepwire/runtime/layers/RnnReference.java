package dev.deepwire.runtime.layers;

/** Plain-Java (double) reference of the SimpleRNN, LSTM and GRU equations, with masks, for the layer tests. */
final class RnnReference {

  /** Which cell the reference runs. */
  enum Kind { SIMPLE, LSTM, GRU_AFTER, GRU_BEFORE }

  final Kind kind;
  final int features;
  final int units;
  final double[][] kernel;
  final double[][] recurrent;
  final double[] bias;

  /** The bias is flat: {@code [2 * 3 units]} row-major for GRU reset-after. */
  RnnReference(Kind kind, int features, int units, float[] kernel, float[] recurrent, float[] bias) {
    this.kind = kind;
    this.features = features;
    this.units = units;
    int k = gates(kind) * units;
    this.kernel = matrix(kernel, features, k);
    this.recurrent = matrix(recurrent, units, k);
    this.bias = new double[bias.length];
    for (int i = 0; i < bias.length; i++) {
      this.bias[i] = bias[i];
    }
  }

  static int gates(Kind kind) {
    return switch (kind) {
      case SIMPLE -> 1;
      case LSTM -> 4;
      case GRU_AFTER, GRU_BEFORE -> 3;
    };
  }

  /**
   * Runs one sequence {@code x[time][features]}; masked steps (mask 0) keep the state and output zeros.
   *
   * @return {@code [time + 1][units]}: the outputs of each step, then the final output
   */
  double[][] run(float[][] x, float[] mask, boolean backwards) {
    return java.util.Arrays.copyOf(trace(x, mask, backwards, new double[units], new double[units]), x.length + 1);
  }

  /**
   * Runs one sequence {@code x[time][features]} forwards from the states {@code h0} and {@code c0} (LSTM only).
   *
   * @return {@code [time + 2][units]}: the outputs of each step, then the final {@code h} and {@code c}
   */
  double[][] runFrom(float[][] x, double[] h0, double[] c0) {
    return trace(x, null, false, h0, c0);
  }

  private double[][] trace(float[][] x, float[] mask, boolean backwards, double[] h0, double[] c0) {
    int time = x.length;
    double[] h = h0.clone();
    double[] c = c0.clone();
    double[][] out = new double[time + 2][];
    for (int s = 0; s < time; s++) {
      int t = backwards ? time - 1 - s : s;
      if (mask != null && mask[t] == 0) {
        out[t] = new double[units];
        continue;
      }
      double[] xt = new double[features];
      for (int f = 0; f < features; f++) {
        xt[f] = x[t][f];
      }
      double[][] next = step(xt, h, c);
      h = next[0];
      c = next[1];
      out[t] = h.clone();
    }
    out[time] = h;
    out[time + 1] = c;
    return out;
  }

  private double[][] step(double[] x, double[] h, double[] c) {
    int u = units;
    double[] mx = times(x, kernel);
    switch (kind) {
      case SIMPLE -> {
        double[] mh = times(h, recurrent);
        double[] n = new double[u];
        for (int j = 0; j < u; j++) {
          n[j] = Math.tanh(mx[j] + mh[j] + bias[j]);
        }
        return new double[][] {n, c};
      }
      case LSTM -> {
        double[] mh = times(h, recurrent);
        double[] nh = new double[u];
        double[] nc = new double[u];
        for (int j = 0; j < u; j++) {
          double i = sigmoid(mx[j] + mh[j] + bias[j]);
          double f = sigmoid(mx[u + j] + mh[u + j] + bias[u + j]);
          double g = Math.tanh(mx[2 * u + j] + mh[2 * u + j] + bias[2 * u + j]);
          double o = sigmoid(mx[3 * u + j] + mh[3 * u + j] + bias[3 * u + j]);
          nc[j] = f * c[j] + i * g;
          nh[j] = o * Math.tanh(nc[j]);
        }
        return new double[][] {nh, nc};
      }
      case GRU_AFTER -> {
        double[] mh = times(h, recurrent);
        double[] n = new double[u];
        for (int j = 0; j < u; j++) {
          double z = sigmoid(mx[j] + bias[j] + mh[j] + bias[3 * u + j]);
          double r = sigmoid(mx[u + j] + bias[u + j] + mh[u + j] + bias[4 * u + j]);
          double cand = Math.tanh(mx[2 * u + j] + bias[2 * u + j] + r * (mh[2 * u + j] + bias[5 * u + j]));
          n[j] = z * h[j] + (1 - z) * cand;
        }
        return new double[][] {n, c};
      }
      default -> {
        double[] mh = times(h, recurrent);
        double[] z = new double[u];
        double[] rh = new double[u];
        for (int j = 0; j < u; j++) {
          z[j] = sigmoid(mx[j] + bias[j] + mh[j]);
          rh[j] = sigmoid(mx[u + j] + bias[u + j] + mh[u + j]) * h[j];
        }
        double[] n = new double[u];
        for (int j = 0; j < u; j++) {
          double sum = mx[2 * u + j] + bias[2 * u + j];
          for (int a = 0; a < u; a++) {
            sum += rh[a] * recurrent[a][2 * u + j];
          }
          n[j] = z[j] * h[j] + (1 - z[j]) * Math.tanh(sum);
        }
        return new double[][] {n, c};
      }
    }
  }

  private static double[] times(double[] v, double[][] m) {
    double[] out = new double[m[0].length];
    for (int a = 0; a < v.length; a++) {
      for (int b = 0; b < out.length; b++) {
        out[b] += v[a] * m[a][b];
      }
    }
    return out;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double[][] matrix(float[] flat, int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        m[r][c] = flat[r * cols + c];
      }
    }
    return m;
  }
}
