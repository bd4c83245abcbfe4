package dev.deepwire.runtime.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Random draws keyed by (layer, purpose, training step), like {@link Dropout}'s masks: the same step always
 * draws the same noise, so equal seeds give equal runs and resumed runs repeat uninterrupted ones.
 *
 * <p>The draws pass through {@code StopGradient}: their shape input depends on the weights, which puts the
 * random op on the path {@code addGradients} walks, and TF's C++ registry has no gradient for it.
 */
final class StatelessNoise {

  private StatelessNoise() {}

  /** Standard normal noise shaped like {@code like}. */
  static Operand<TFloat32> normal(LayerScope scope, String purpose, Operand<TFloat32> like) {
    Ops tf = scope.tf();
    return tf.stopGradient(tf.random.statelessRandomNormal(tf.shape(like), seed(scope, purpose), TFloat32.class));
  }

  /** Uniform noise in {@code [0, 1)} shaped like {@code like}. */
  static Operand<TFloat32> uniform(LayerScope scope, String purpose, Operand<TFloat32> like) {
    Ops tf = scope.tf();
    return tf.stopGradient(tf.random.statelessRandomUniform(tf.shape(like), seed(scope, purpose), TFloat32.class));
  }

  private static Operand<TInt64> seed(LayerScope scope, String purpose) {
    Ops tf = scope.tf();
    return tf.stack(List.of(tf.constant(scope.seed(purpose)), scope.step()));
  }
}
