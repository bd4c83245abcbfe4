package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.Initializer;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.op.random.TruncatedNormal;
import org.tensorflow.types.TFloat32;

/** Builds the initial value of a weight, following the variance-scaling rules of Keras. */
final class Initializers {

  /** Standard deviation of a standard normal truncated to ±2, used to undo the truncation's shrinkage. */
  private static final double TRUNCATED_STDDEV = 0.87962566103423978;

  private Initializers() {}

  static Operand<TFloat32> create(Ops tf, Initializer kind, Shape shape, long seed) {
    Operand<org.tensorflow.types.TInt64> dims = tf.constant(shape.asArray());
    return switch (kind) {
      case ZEROS -> tf.fill(dims, tf.constant(0f));
      case ONES -> tf.fill(dims, tf.constant(1f));
      case GLOROT_UNIFORM -> uniform(tf, dims, Math.sqrt(6.0 / (fanIn(shape) + fanOut(shape))), seed);
      case HE_UNIFORM -> uniform(tf, dims, Math.sqrt(6.0 / fanIn(shape)), seed);
      case GLOROT_NORMAL -> normal(tf, dims, Math.sqrt(2.0 / (fanIn(shape) + fanOut(shape))), seed);
      case HE_NORMAL -> normal(tf, dims, Math.sqrt(2.0 / fanIn(shape)), seed);
      case LECUN_NORMAL -> normal(tf, dims, Math.sqrt(1.0 / fanIn(shape)), seed);
    };
  }

  /** Inputs feeding one output unit: {@code shape[-2]} times the receptive field (conv kernels). */
  static double fanIn(Shape shape) {
    int rank = shape.numDimensions();
    if (rank < 2) {
      return rank == 0 ? 1 : shape.get(0);
    }
    return shape.get(rank - 2) * receptiveField(shape);
  }

  /** Output units fed by one input: {@code shape[-1]} times the receptive field. */
  static double fanOut(Shape shape) {
    int rank = shape.numDimensions();
    if (rank < 2) {
      return rank == 0 ? 1 : shape.get(0);
    }
    return shape.get(rank - 1) * receptiveField(shape);
  }

  private static double receptiveField(Shape shape) {
    double size = 1;
    for (int i = 0; i < shape.numDimensions() - 2; i++) {
      size *= shape.get(i);
    }
    return size;
  }

  private static Operand<TFloat32> uniform(
      Ops tf, Operand<org.tensorflow.types.TInt64> dims, double limit, long seed) {
    Operand<TFloat32> unit = tf.random.randomUniform(dims, TFloat32.class,
        RandomUniform.seed(seed >>> 33), RandomUniform.seed2(seed & 0x7fffffffL));
    // [0, 1) → [-limit, limit)
    return tf.math.mul(tf.math.sub(unit, tf.constant(0.5f)), tf.constant((float) (2 * limit)));
  }

  private static Operand<TFloat32> normal(
      Ops tf, Operand<org.tensorflow.types.TInt64> dims, double stddev, long seed) {
    Operand<TFloat32> unit = tf.random.truncatedNormal(dims, TFloat32.class,
        TruncatedNormal.seed(seed >>> 33), TruncatedNormal.seed2(seed & 0x7fffffffL));
    return tf.math.mul(unit, tf.constant((float) (stddev / TRUNCATED_STDDEV)));
  }
}
