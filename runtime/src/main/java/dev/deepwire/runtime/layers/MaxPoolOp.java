package dev.deepwire.runtime.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * TF's {@code MaxPool} op, whose window and strides are attributes. TF Java 1.1.0's {@code tf.nn.maxPool}
 * builds {@code MaxPoolV2}, which takes them as tensors: oneDNN does not rewrite that op or its gradient
 * ({@code MaxPoolGradV2}) to its own kernels, and the Eigen fallbacks made a Fashion-MNIST CNN's training
 * step about 3x slower (MaxPoolGradV2 alone was 30 % of the step). Same math, same gradient (MaxPoolGrad).
 */
final class MaxPoolOp {

  private MaxPoolOp() {}

  /** Max pooling of an NHWC tensor; {@code window} and {@code strides} have one entry per dimension. */
  static Operand<TFloat32> create(Ops tf, Operand<TFloat32> input, List<Long> window, List<Long> strides,
      String padding) {
    return tf.scope().opBuilder("MaxPool", "MaxPool")
        .addInput(input.asOutput())
        .setAttr("ksize", toArray(window))
        .setAttr("strides", toArray(strides))
        .setAttr("padding", padding)
        .build()
        .output(0);
  }

  private static long[] toArray(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }
}
