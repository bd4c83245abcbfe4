package dev.deepwire.runtime.training;

import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Per-batch values of each {@link Metric}: a scalar mean over the batch, which the runtime averages over
 * batches weighted by their size. RMSE is built as the batch MSE and rooted after averaging.
 */
public final class Metrics {

  private Metrics() {}

  /**
   * Builds the batch value of {@code metric} for one output.
   *
   * @param loss the output's loss, which says how {@code target} is encoded
   */
  public static Operand<TFloat32> build(
      Ops tf, Metric metric, Loss loss, Operand<TFloat32> output, Operand<?> target) {
    return build(tf, metric, loss, output, target, Optional.empty());
  }

  /**
   * The same over the positions a {@code mask} keeps (1 = counts): accuracy of a sequence decoder is then
   * the token accuracy over real, unpadded target positions.
   */
  public static Operand<TFloat32> build(Ops tf, Metric metric, Loss loss, Operand<TFloat32> output,
      Operand<?> target, Optional<Operand<TFloat32>> mask) {
    if (mask.isPresent()) {
      if (metric != Metric.ACCURACY) {
        throw new IllegalArgumentException("a masked output supports ACCURACY only, got " + metric);
      }
      return Losses.maskedMean(tf, correct(tf, loss, output, target), mask.get());
    }
    return switch (metric) {
      case ACCURACY -> accuracy(tf, loss, output, target);
      case MAE -> Losses.meanAll(tf, tf.math.abs(tf.math.sub(output, floats(target))));
      case MSE, RMSE -> Losses.meanAll(tf, tf.math.square(tf.math.sub(output, floats(target))));
    };
  }

  /** How the batch values of {@code metric} combine into the value over a whole data set. */
  public static double finish(Metric metric, double meanOfBatchValues) {
    return metric == Metric.RMSE ? Math.sqrt(meanOfBatchValues) : meanOfBatchValues;
  }

  private static Operand<TFloat32> accuracy(Ops tf, Loss loss, Operand<TFloat32> output, Operand<?> target) {
    return Losses.meanAll(tf, correct(tf, loss, output, target));
  }

  /** 1 where the prediction is right, 0 elsewhere, shaped like the output without its class axis. */
  private static Operand<TFloat32> correct(Ops tf, Loss loss, Operand<TFloat32> output, Operand<?> target) {
    long units = output.shape().get(output.shape().numDimensions() - 1);
    Operand<TFloat32> correct;
    if (loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
      @SuppressWarnings("unchecked")
      Operand<TInt32> labels = (Operand<TInt32>) target;
      Operand<TInt32> predicted = tf.math.argMax(output, tf.constant(-1), TInt32.class);
      correct = tf.dtypes.cast(tf.math.equal(predicted, labels), TFloat32.class);
    } else if (units == 1) {
      // One sigmoid unit: the positive class when p >= 0.5.
      Operand<TFloat32> predicted = tf.dtypes.cast(
          tf.math.greaterEqual(output, tf.constant(0.5f)), TFloat32.class);
      correct = tf.dtypes.cast(
          tf.math.equal(predicted, tf.math.round(floats(target))), TFloat32.class);
    } else {
      Operand<TInt64> predicted = tf.math.argMax(output, tf.constant(-1));
      Operand<TInt64> expected = tf.math.argMax(floats(target), tf.constant(-1));
      correct = tf.dtypes.cast(tf.math.equal(predicted, expected), TFloat32.class);
    }
    return correct;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> floats(Operand<?> target) {
    return (Operand<TFloat32>) target;
  }
}
