package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.Initializer;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Layer normalisation (Ba et al. 2016) over the last axis: {@code gamma * (x - mean) / sqrt(var + epsilon) +
 * beta}, mean and (biased) variance taken per position over the features. Unlike batch normalisation it has no
 * running statistics: training and inference compute the same thing.
 *
 * <p>Any rank ≥ 2 with a known last dimension {@code d}; weights {@code gamma [d]} (ones) and {@code beta [d]}
 * (zeros); the output has the input's shape.
 */
public final class LayerNorm {

  private final double epsilon;

  /** @param epsilon added to the variance before the square root; BERT uses 1e-12, Keras 1e-3 */
  public LayerNorm(double epsilon) {
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
    }
    this.epsilon = epsilon;
  }

  /** Normalises {@code input} over its last axis. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    Shape shape = input.shape();
    int rank = shape.numDimensions();
    if (rank < 2 || shape.get(rank - 1) < 1) {
      throw new IllegalArgumentException("layer norm '" + scope.path() + "' needs an input of rank >= 2 with a"
          + " known last dimension, got " + shape);
    }
    Ops tf = scope.tf();
    long features = shape.get(rank - 1);
    Operand<TFloat32> gamma = scope.weight("gamma", Shape.of(features), Initializer.ONES);
    Operand<TFloat32> beta = scope.weight("beta", Shape.of(features), Initializer.ZEROS);
    Operand<org.tensorflow.types.TInt32> last = tf.constant(new int[] {rank - 1});
    Operand<TFloat32> mean = tf.math.mean(input, last, Mean.keepDims(true));
    Operand<TFloat32> centred = tf.math.sub(input, mean);
    Operand<TFloat32> variance = tf.math.mean(tf.math.mul(centred, centred), last, Mean.keepDims(true));
    Operand<TFloat32> normalised =
        tf.math.mul(centred, tf.math.rsqrt(tf.math.add(variance, tf.constant((float) epsilon))));
    return tf.math.add(tf.math.mul(normalised, gamma), beta);
  }
}
