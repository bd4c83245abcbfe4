package dev.deepwire.runtime.layers;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * {@code relu(x · W + b)} and {@code relu(conv2d(x, W) + b)} as one op each, TensorFlow's {@code _FusedMatMul}
 * and {@code _FusedConv2D}, which oneDNN runs as one kernel.
 *
 * <p>Why not leave the fusion to Grappler: TensorFlow's C++ gradient of {@code Relu} reads the ReLU's input, so
 * in a training graph the bias-add output has a second consumer and the remapper fuses only the bias, leaving a
 * separate ReLU pass over every activation and its gradient (6 % of a CNN training step). The gradient here
 * reads the ReLU's output instead, which has the same sign pattern ({@code relu(z) > 0} exactly when
 * {@code z > 0}); TensorFlow has no gradient for either fused op, so it is registered from Java once per JVM.
 */
final class FusedBiasRelu {

  private static final String MATMUL = "_FusedMatMul";
  private static final String CONV2D = "_FusedConv2D";
  private static final String[] BIAS_RELU = {"BiasAdd", "Relu"};

  private static boolean registered;

  private FusedBiasRelu() {}

  /** {@code relu(x · kernel + bias)} for {@code x [batch, in]} and {@code kernel [in, out]}. */
  static Operand<TFloat32> matMul(Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel, Operand<TFloat32> bias) {
    registerGradients();
    return tf.scope().opBuilder(MATMUL, "FusedMatMul")
        .addInput(x.asOutput()).addInput(kernel.asOutput())
        .addInputList(new Output<?>[] {bias.asOutput()})
        .setAttr("transpose_a", false).setAttr("transpose_b", false)
        .setAttr("num_args", 1L).setAttr("fused_ops", BIAS_RELU)
        .build().output(0);
  }

  /** {@code relu(conv2d(x, filter) + bias)}, NHWC, dilation 1. */
  static Operand<TFloat32> conv2d(Ops tf, Operand<TFloat32> x, Operand<TFloat32> filter, Operand<TFloat32> bias,
      List<Long> strides, String padding) {
    registerGradients();
    return tf.scope().opBuilder(CONV2D, "FusedConv2D")
        .addInput(x.asOutput()).addInput(filter.asOutput())
        .addInputList(new Output<?>[] {bias.asOutput()})
        .addInputList(new Output<?>[0]) // host_args: none
        .setAttr("strides", strides.stream().mapToLong(Long::longValue).toArray()).setAttr("padding", padding)
        .setAttr("num_args", 1L).setAttr("fused_ops", BIAS_RELU)
        .build().output(0);
  }

  /** Registers both gradients unless they are; a graph must not be differentiated before. */
  private static synchronized void registerGradients() {
    if (registered) {
      return;
    }
    TensorFlow.registerCustomGradient(MATMUL, (tf, op, grads) -> {
      checkBiasRelu(op);
      Operand<TFloat32> dz = reluGrad(tf, op, grads);
      Operand<TFloat32> dx = tf.linalg.matMul(dz, input(op, 1), MatMul.transposeB(true));
      Operand<TFloat32> dw = tf.linalg.matMul(input(op, 0), dz, MatMul.transposeA(true));
      return List.of(dx, dw, tf.nn.biasAddGrad(dz));
    });
    TensorFlow.registerCustomGradient(CONV2D, (tf, op, grads) -> {
      checkBiasRelu(op);
      Operand<TFloat32> dz = reluGrad(tf, op, grads);
      List<Long> strides = Arrays.stream(op.attributes().getAttrIntList("strides")).boxed().toList();
      String padding = op.attributes().getAttrString("padding");
      Operand<TFloat32> x = input(op, 0);
      Operand<TFloat32> filter = input(op, 1);
      Operand<TFloat32> dx = tf.nn.conv2dBackpropInput(tf.shape(x, TInt32.class), filter, dz, strides, padding);
      Operand<TFloat32> dw = tf.nn.conv2dBackpropFilter(x, tf.shape(filter, TInt32.class), dz, strides, padding);
      return List.of(dx, dw, tf.nn.biasAddGrad(dz));
    });
    registered = true;
  }

  /** The gradient at the bias-add output: the incoming gradient where the ReLU's output is positive. */
  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> reluGrad(Ops tf, GraphOperation op, List<Output<?>> grads) {
    return tf.scope().opBuilder("ReluGrad", "FusedReluGrad")
        .addInput(grads.get(0)).addInput(op.output(0)).build().output(0);
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> input(GraphOperation op, int index) {
    return (Operand<TFloat32>) (Operand<?>) op.input(index);
  }

  /** Only the ops built here are differentiated here: other fusions would need other gradients. */
  private static void checkBiasRelu(GraphOperation op) {
    String[] fused = op.attributes().getAttrStringList("fused_ops");
    if (!Arrays.equals(fused, BIAS_RELU)) {
      throw new IllegalStateException("no gradient for " + op.type() + " fusing " + Arrays.toString(fused)
          + "; Deepwire differentiates only " + Arrays.toString(BIAS_RELU));
    }
  }
}
