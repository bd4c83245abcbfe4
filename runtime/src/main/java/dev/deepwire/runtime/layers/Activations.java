package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.ActivationFunction;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/** The math of each {@link ActivationFunction}, built from ops whose gradients TF Java 1.1.0 has. */
public final class Activations {

  private Activations() {}

  /**
   * Applies {@code fn} to {@code x}.
   *
   * @param alpha the negative slope of LEAKY_RELU; ignored otherwise
   */
  public static Operand<TFloat32> apply(Ops tf, ActivationFunction fn, double alpha, Operand<TFloat32> x) {
    return switch (fn) {
      case LINEAR -> x;
      case RELU -> tf.nn.relu(x);
      case LEAKY_RELU -> tf.nn.leakyRelu(x, LeakyRelu.alpha((float) alpha));
      case SIGMOID -> tf.math.sigmoid(x);
      case TANH -> tf.math.tanh(x);
      case SOFTMAX -> tf.nn.softmax(x);
      case ELU -> tf.nn.elu(x);
      case SELU -> tf.nn.selu(x);
      case GELU -> gelu(tf, x);
      case SWISH -> tf.math.mul(x, tf.math.sigmoid(x));
      case SOFTPLUS -> softplus(tf, x);
    };
  }

  /**
   * Applies {@code fn} to {@code z} under {@code scope} and, for softmax and sigmoid, records {@code z} as
   * the output's logits so losses can use the stable fused forms. Every layer with an activation ends here.
   */
  public static Operand<TFloat32> apply(LayerScope scope, ActivationFunction fn, double alpha, Operand<TFloat32> z) {
    Operand<TFloat32> out = apply(scope.tf(), fn, alpha, z);
    if (hasLogits(fn)) {
      scope.recordLogits(out, z);
    }
    return out;
  }

  /** Whether losses prefer the pre-activation (logits) of this function for numerical stability. */
  public static boolean hasLogits(ActivationFunction fn) {
    return fn == ActivationFunction.SOFTMAX || fn == ActivationFunction.SIGMOID;
  }

  /** Exact GELU: {@code 0.5 x (1 + erf(x / sqrt 2))}. */
  private static Operand<TFloat32> gelu(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> erf = tf.math.erf(tf.math.mul(x, tf.constant((float) (1 / Math.sqrt(2)))));
    return tf.math.mul(tf.math.mul(x, tf.constant(0.5f)), tf.math.add(erf, tf.constant(1f)));
  }

  /** {@code ln(1 + e^x)} as {@code relu(x) + ln(1 + e^-|x|)}, which never overflows. */
  private static Operand<TFloat32> softplus(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> tail = tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(x))));
    return tf.math.add(tf.nn.relu(x), tail);
  }
}
