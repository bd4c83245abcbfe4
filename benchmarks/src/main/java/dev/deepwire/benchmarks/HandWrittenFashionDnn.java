package dev.deepwire.benchmarks;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/**
 * The network of {@code FashionDnn} written directly against TensorFlow Java: 784 → 256 ReLU → dropout
 * 0.2 → 128 leaky ReLU (0.1) → dropout 0.2 → 64 ReLU → 10 softmax, Glorot-uniform weights.
 */
public final class HandWrittenFashionDnn extends HandWrittenFashionTrainer {

  public HandWrittenFashionDnn(long seed, int threads) {
    super(HandWrittenFashionDnn::logits, seed, threads);
  }

  private static Operand<TFloat32> logits(Ops tf, Operand<TFloat32> images, Operand<TFloat32> training, long seed) {
    Operand<TFloat32> x = tf.reshape(images, tf.constant(new long[] {-1, 784}));
    x = tf.nn.relu(dense(tf, x, 784, 256, glorot(784, 256), seed, "d1"));
    x = dropout(tf, x, training, 0.2f, seed + 1);
    x = tf.nn.leakyRelu(dense(tf, x, 256, 128, glorot(256, 128), seed + 2, "d2"), LeakyRelu.alpha(0.1f));
    x = dropout(tf, x, training, 0.2f, seed + 3);
    x = tf.nn.relu(dense(tf, x, 128, 64, glorot(128, 64), seed + 4, "d3"));
    return dense(tf, x, 64, 10, glorot(64, 10), seed + 5, "d4");
  }

  private static double glorot(int in, int out) {
    return Math.sqrt(6.0 / (in + out));
  }
}
