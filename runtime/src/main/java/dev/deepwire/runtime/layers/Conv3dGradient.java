package dev.deepwire.runtime.layers;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.nn.Conv3d;
import org.tensorflow.op.nn.Conv3dBackpropFilter;
import org.tensorflow.op.nn.Conv3dBackpropInput;
import org.tensorflow.types.TFloat32;

/**
 * The gradient of {@code Conv3D}, which TensorFlow's C++ registry lacks: {@code Conv3DBackpropInputV2} for the
 * input and {@code Conv3DBackpropFilterV2} for the filter, registered once per JVM.
 */
final class Conv3dGradient {

  private static boolean registered;

  private Conv3dGradient() {}

  /** Registers the gradient unless it already is; call before differentiating a graph with Conv3D. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static synchronized void register() {
    if (registered) {
      return;
    }
    TensorFlow.registerCustomGradient(Conv3d.Inputs.class, (tf, op, grads) -> {
      Conv3d.Inputs<TFloat32> conv = op;
      Operand<TFloat32> dy = (Operand<TFloat32>) grads.get(0);
      List<Long> strides = Arrays.stream(conv.strides).boxed().toList();
      List<Long> dilations = Arrays.stream(conv.dilations).boxed().toList();
      Operand<TFloat32> dx = tf.nn.conv3dBackpropInput(tf.shape(conv.input), conv.filter, dy, strides,
          conv.padding, Conv3dBackpropInput.dilations(dilations));
      Operand<TFloat32> dw = tf.nn.conv3dBackpropFilter(conv.input, tf.shape(conv.filter), dy, strides,
          conv.padding, Conv3dBackpropFilter.dilations(dilations));
      return List.of(dx, dw);
    });
    registered = true;
  }
}
