package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.Qr;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

/** Keras' default initial values of recurrent weights: orthogonal recurrent kernels and unit forget bias. */
final class RecurrentInit {

  private RecurrentInit() {}

  /**
   * An orthogonal {@code [rows, cols]} matrix (Saxe et al.; Keras' {@code Orthogonal}): Q of the QR
   * decomposition of a normal matrix, signs fixed by R's diagonal, transposed when {@code rows < cols}.
   */
  static LayerScope.WeightInit orthogonal(long rows, long cols) {
    return (tf, seed) -> {
      long big = Math.max(rows, cols);
      long small = Math.min(rows, cols);
      Operand<TFloat32> normal = tf.random.randomStandardNormal(tf.constant(new long[] {big, small}), TFloat32.class,
          RandomStandardNormal.seed(seed >>> 33), RandomStandardNormal.seed2(seed & 0x7fffffffL));
      Qr<TFloat32> qr = tf.linalg.qr(normal, Qr.fullMatrices(false));
      Operand<TFloat32> diag = tf.linalg.matrixDiagPart(qr.r(), tf.constant(0), tf.constant(0f));
      Operand<TFloat32> q = tf.math.mul(qr.q(), tf.math.sign(diag));
      return rows < cols ? tf.linalg.transpose(q, tf.constant(new int[] {1, 0})) : q;
    };
  }

  /** Zeros, except ones on the forget-gate block {@code [units, 2 units)} of an LSTM bias {@code [4 units]}. */
  static LayerScope.WeightInit unitForgetBias(int units) {
    return (tf, seed) -> {
      float[] values = new float[4 * units];
      java.util.Arrays.fill(values, units, 2 * units, 1f);
      return tf.constant(values);
    };
  }

  /** Uniform in {@code [-limit, limit)}, Keras' default for embeddings (limit 0.05). */
  static LayerScope.WeightInit uniform(Shape shape, double limit) {
    return (tf, seed) -> {
      Operand<TFloat32> unit = tf.random.randomUniform(tf.constant(shape.asArray()), TFloat32.class,
          RandomUniform.seed(seed >>> 33), RandomUniform.seed2(seed & 0x7fffffffL));
      return tf.math.mul(tf.math.sub(unit, tf.constant(0.5f)), tf.constant((float) (2 * limit)));
    };
  }

  /** Zeros of {@code shape}. */
  static LayerScope.WeightInit zeros(Shape shape) {
    return (tf, seed) -> tf.fill(tf.constant(shape.asArray()), tf.constant(0f));
  }
}
