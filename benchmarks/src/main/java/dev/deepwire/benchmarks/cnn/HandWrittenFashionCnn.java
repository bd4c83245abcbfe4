package dev.deepwire.benchmarks.cnn;

import dev.deepwire.benchmarks.HandWrittenFashionTrainer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The network of {@code FashionCnn} written directly against TensorFlow Java: [28, 28, 1] → conv 3x3x32
 * ReLU → max-pool 2 → conv 3x3x64 ReLU → max-pool 2 → 1600 → 128 ReLU → dropout 0.4 → 10 softmax.
 */
public final class HandWrittenFashionCnn extends HandWrittenFashionTrainer {

  public HandWrittenFashionCnn(long seed, int threads) {
    super(HandWrittenFashionCnn::logits, seed, threads);
  }

  private static Operand<TFloat32> logits(Ops tf, Operand<TFloat32> images, Operand<TFloat32> training, long seed) {
    Operand<TFloat32> x = tf.reshape(images, tf.constant(new long[] {-1, 28, 28, 1}));
    x = tf.nn.relu(conv(tf, x, 1, 32, seed, "c1"));
    x = pool(tf, x);
    x = tf.nn.relu(conv(tf, x, 32, 64, seed + 1, "c2"));
    x = pool(tf, x);
    x = tf.reshape(x, tf.constant(new long[] {-1, 5 * 5 * 64}));
    x = tf.nn.relu(dense(tf, x, 1600, 128, Math.sqrt(6.0 / 1600), seed + 2, "d1"));
    x = dropout(tf, x, training, 0.4f, seed + 3);
    return dense(tf, x, 128, 10, Math.sqrt(6.0 / 138), seed + 4, "d2");
  }

  private static Operand<TFloat32> conv(Ops tf, Operand<TFloat32> x, int in, int out, long seed, String name) {
    Operand<TFloat32> w = tf.identity(tf.withName(name + ".kernel").variable(
        uniform(tf, new long[] {3, 3, in, out}, Math.sqrt(6.0 / (9 * in)), seed)));
    Operand<TFloat32> b = tf.identity(tf.withName(name + ".bias").variable(
        tf.fill(tf.constant(new long[] {out}), tf.constant(0f))));
    return tf.nn.biasAdd(tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "VALID"), b);
  }

  /**
   * TF's {@code MaxPool} op, as the generated model builds it: {@code tf.nn.maxPool} makes {@code MaxPoolV2},
   * which oneDNN does not take over, and a baseline three times slower than it needs to be flatters the ratio.
   */
  private static Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x) {
    return tf.scope().opBuilder("MaxPool", "MaxPool").addInput(x.asOutput())
        .setAttr("ksize", new long[] {1, 2, 2, 1}).setAttr("strides", new long[] {1, 2, 2, 1})
        .setAttr("padding", "VALID").build().output(0);
  }
}
