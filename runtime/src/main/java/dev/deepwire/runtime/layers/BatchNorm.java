package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.Initializer;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation over the last axis: {@code gamma * (x - mean) / sqrt(var + epsilon) + beta}, with the
 * batch's statistics while training and moving averages at inference.
 *
 * <p>Input shape {@code [batch, ..., channels]}; output shape: the input's. Weights {@code gamma} (ones) and
 * {@code beta} (zeros), states {@code moving_mean} (zeros) and {@code moving_variance} (ones), all
 * {@code [channels]}. Each train step moves the states by {@code (1 - momentum) * (batch - moving)}: the update
 * ops are left on the scope ({@link LayerScope#addUpdate}) and run with the train op.
 */
public final class BatchNorm {

  private final double momentum;
  private final double epsilon;

  public BatchNorm(double momentum, double epsilon) {
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
    }
    this.momentum = momentum;
    this.epsilon = epsilon;
  }

  /** Momentum 0.99 and epsilon 1e-3, as {@code @BatchNorm}. */
  public BatchNorm() {
    this(0.99, 1e-3);
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    Shape shape = input.shape();
    if (shape.isUnknown() || shape.numDimensions() < 2 || shape.get(shape.numDimensions() - 1) < 0) {
      throw new IllegalArgumentException(
          "BatchNorm '" + scope.path() + "' needs an input [batch, ..., channels] with known channels, got " + shape);
    }
    int rank = shape.numDimensions();
    Shape channels = Shape.of(shape.get(rank - 1));
    int[] axes = new int[rank - 1];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    Ops tf = scope.tf();
    Operand<TFloat32> gamma = scope.weight("gamma", channels, Initializer.ONES);
    Operand<TFloat32> beta = scope.weight("beta", channels, Initializer.ZEROS);
    Variable<TFloat32> movingMean = scope.state("moving_mean", channels, 0f);
    Variable<TFloat32> movingVariance = scope.state("moving_variance", channels, 1f);

    Operand<TFloat32> batchMean = tf.math.mean(input, tf.constant(axes));
    Operand<TFloat32> batchVariance =
        tf.math.mean(tf.math.square(tf.math.sub(input, batchMean)), tf.constant(axes));
    Operand<TFloat32> training = scope.training();
    Operand<TFloat32> inference = tf.math.sub(tf.constant(1f), training);
    Operand<TFloat32> mean = tf.math.add(tf.math.mul(training, batchMean),
        tf.math.mul(inference, tf.identity(movingMean)));
    Operand<TFloat32> variance = tf.math.add(tf.math.mul(training, batchVariance),
        tf.math.mul(inference, tf.identity(movingVariance)));

    Operand<TFloat32> scale = tf.math.mul(gamma, tf.math.rsqrt(tf.math.add(variance, tf.constant((float) epsilon))));
    Operand<TFloat32> shift = tf.math.sub(beta, tf.math.mul(mean, scale));
    Operand<TFloat32> out = tf.math.add(tf.math.mul(input, scale), shift);

    // moving -= (1 - momentum) * (moving - batch) * training: a no-op if ever run outside training.
    Operand<TFloat32> rate = tf.math.mul(tf.constant((float) (1 - momentum)), training);
    scope.addUpdate(tf.assignSub(movingMean, tf.math.mul(rate, tf.math.sub(tf.identity(movingMean), batchMean))));
    scope.addUpdate(tf.assignSub(movingVariance,
        tf.math.mul(rate, tf.math.sub(tf.identity(movingVariance), batchVariance))));
    return out;
  }

}
