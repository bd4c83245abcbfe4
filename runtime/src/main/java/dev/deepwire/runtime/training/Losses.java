package dev.deepwire.runtime.training;

import dev.deepwire.annotations.Loss;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The math of each {@link Loss}: a scalar, the mean over the batch (and over output elements for the
 * element-wise losses).
 */
public final class Losses {

  /** Keeps log() away from 0 when no logits are available. */
  private static final float EPSILON = 1e-7f;

  private Losses() {}

  /**
   * Builds the batch-mean loss of one output.
   *
   * @param output the output as the model returns it (probabilities for softmax or sigmoid)
   * @param logits its pre-activation when the layer recorded one: the stable fused form is used then
   * @param target float targets shaped like the output, or for SPARSE_CATEGORICAL_CROSSENTROPY
   *     int class indices {@code [batch]}
   */
  public static Operand<TFloat32> build(
      Ops tf, Loss loss, Operand<TFloat32> output, Optional<Operand<TFloat32>> logits, Operand<?> target) {
    return build(tf, loss, output, logits, target, Optional.empty());
  }

  /**
   * The same, with a {@code mask} over the output's positions (all axes but the last; 1 = counts): the loss
   * is then the mean over the positions that count. Only the categorical losses take a mask.
   */
  public static Operand<TFloat32> build(Ops tf, Loss loss, Operand<TFloat32> output,
      Optional<Operand<TFloat32>> logits, Operand<?> target, Optional<Operand<TFloat32>> mask) {
    return build(tf, loss, output, logits, target, mask, HingeLosses.DISTANCE_MARGIN);
  }

  /** The same, with the {@code margin} of CONTRASTIVE and TRIPLET (recorded by the distance layer). */
  public static Operand<TFloat32> build(Ops tf, Loss loss, Operand<TFloat32> output,
      Optional<Operand<TFloat32>> logits, Operand<?> target, Optional<Operand<TFloat32>> mask, float margin) {
    if (mask.isPresent()) {
      if (loss != Loss.SPARSE_CATEGORICAL_CROSSENTROPY && loss != Loss.CATEGORICAL_CROSSENTROPY) {
        throw new IllegalArgumentException("a masked output needs a categorical loss, got " + loss);
      }
      Operand<TFloat32> dense = loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY
          ? oneHot(tf, output, target) : floats(target);
      return maskedMean(tf, positionCrossentropy(tf, output, logits, dense), mask.get());
    }
    return switch (loss) {
      case NONE -> throw new IllegalArgumentException("Loss.NONE has no math");
      case MSE -> meanAll(tf, tf.math.square(tf.math.sub(output, floats(target))));
      case MAE -> meanAll(tf, tf.math.abs(tf.math.sub(output, floats(target))));
      case BINARY_CROSSENTROPY -> binaryCrossentropy(tf, output, logits, floats(target));
      case CATEGORICAL_CROSSENTROPY -> categoricalCrossentropy(tf, output, logits, floats(target));
      case SPARSE_CATEGORICAL_CROSSENTROPY -> output.shape().numDimensions() > 2
          ? Losses.meanAll(tf, positionCrossentropy(tf, output, logits, oneHot(tf, output, target)))
          : categoricalCrossentropy(tf, output, logits, oneHot(tf, output, target));
      case MARGIN -> HingeLosses.margin(tf, output, floats(target));
      case CONTRASTIVE -> HingeLosses.contrastive(tf, output, floats(target), margin);
      case TRIPLET -> HingeLosses.triplet(tf, output, margin);
    };
  }

  /** TF 1.1.0 has no gradient for SparseSoftmaxCrossEntropyWithLogits: one-hot, then the dense op. */
  private static Operand<TFloat32> oneHot(Ops tf, Operand<TFloat32> output, Operand<?> target) {
    long classes = output.shape().get(output.shape().numDimensions() - 1);
    @SuppressWarnings("unchecked")
    Operand<TInt32> indices = (Operand<TInt32>) target;
    return tf.oneHot(indices, tf.constant((int) classes), tf.constant(1f), tf.constant(0f));
  }

  /**
   * The cross-entropy at every position of an output of any rank (all axes but the last), shaped like the
   * output without its class axis. The fused op wants rank 2, so positions are flattened and put back.
   */
  private static Operand<TFloat32> positionCrossentropy(
      Ops tf, Operand<TFloat32> output, Optional<Operand<TFloat32>> logits, Operand<TFloat32> target) {
    long classes = output.shape().get(output.shape().numDimensions() - 1);
    Operand<TInt32> positions = tf.slice(tf.shape(output), tf.constant(new int[] {0}),
        tf.constant(new int[] {output.shape().numDimensions() - 1}));
    Operand<TFloat32> flatTarget = tf.reshape(target, tf.constant(new long[] {-1, classes}));
    Operand<TFloat32> perPosition;
    if (logits.isPresent()) {
      perPosition = tf.nn.softmaxCrossEntropyWithLogits(
          tf.reshape(logits.get(), tf.constant(new long[] {-1, classes})), flatTarget).loss();
    } else {
      Operand<TFloat32> clipped = clip(tf, tf.reshape(output, tf.constant(new long[] {-1, classes})));
      perPosition = tf.math.neg(tf.sum(tf.math.mul(flatTarget, tf.math.log(clipped)), tf.constant(-1)));
    }
    return tf.reshape(perPosition, positions);
  }

  /** {@code sum(x * mask) / max(1, sum(mask))} over every element. */
  static Operand<TFloat32> maskedMean(Ops tf, Operand<TFloat32> x, Operand<TFloat32> mask) {
    Operand<TFloat32> total = tf.sum(tf.reshape(tf.math.mul(x, mask), tf.constant(new int[] {-1})), tf.constant(0));
    Operand<TFloat32> count = tf.sum(tf.reshape(mask, tf.constant(new int[] {-1})), tf.constant(0));
    return tf.math.div(total, tf.math.maximum(count, tf.constant(1f)));
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> floats(Operand<?> target) {
    return (Operand<TFloat32>) target;
  }

  private static Operand<TFloat32> categoricalCrossentropy(
      Ops tf, Operand<TFloat32> output, Optional<Operand<TFloat32>> logits, Operand<TFloat32> target) {
    if (logits.isPresent()) {
      return tf.math.mean(
          tf.nn.softmaxCrossEntropyWithLogits(logits.get(), target).loss(), tf.constant(0));
    }
    Operand<TFloat32> clipped = clip(tf, output);
    Operand<TFloat32> perExample = tf.math.neg(
        tf.sum(tf.math.mul(target, tf.math.log(clipped)), tf.constant(-1)));
    return tf.math.mean(perExample, tf.constant(0));
  }

  private static Operand<TFloat32> binaryCrossentropy(
      Ops tf, Operand<TFloat32> output, Optional<Operand<TFloat32>> logits, Operand<TFloat32> target) {
    if (logits.isPresent()) {
      // max(x, 0) - x z + log(1 + e^-|x|): the overflow-free form of sigmoid cross-entropy.
      Operand<TFloat32> x = logits.get();
      Operand<TFloat32> perElement = tf.math.add(
          tf.math.sub(tf.nn.relu(x), tf.math.mul(x, target)),
          tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(x)))));
      return meanAll(tf, perElement);
    }
    Operand<TFloat32> p = clip(tf, output);
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> perElement = tf.math.neg(tf.math.add(
        tf.math.mul(target, tf.math.log(p)),
        tf.math.mul(tf.math.sub(one, target), tf.math.log(tf.math.sub(one, p)))));
    return meanAll(tf, perElement);
  }

  private static Operand<TFloat32> clip(Ops tf, Operand<TFloat32> p) {
    return tf.clipByValue(p, tf.constant(EPSILON), tf.constant(1f - EPSILON));
  }

  /** The mean over every element, whatever the rank. */
  static Operand<TFloat32> meanAll(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(tf.reshape(x, tf.constant(new int[] {-1})), tf.constant(0));
  }
}
