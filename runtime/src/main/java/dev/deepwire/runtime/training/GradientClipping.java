package dev.deepwire.runtime.training;

import dev.deepwire.runtime.OptimizerSettings;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Clips gradients by value, then by their global L2 norm, as {@code @Optimizer(clipValue, clipNorm)} ask. */
final class GradientClipping {

  private GradientClipping() {}

  @SuppressWarnings("unchecked")
  static List<Operand<TFloat32>> apply(Ops tf, OptimizerSettings settings, Output<?>[] raw) {
    List<Operand<TFloat32>> gradients = new ArrayList<>();
    for (Output<?> gradient : raw) {
      Operand<TFloat32> g = (Operand<TFloat32>) gradient;
      if (settings.clipValue() > 0) {
        float v = (float) settings.clipValue();
        g = tf.clipByValue(g, tf.constant(-v), tf.constant(v));
      }
      gradients.add(g);
    }
    if (settings.clipNorm() <= 0 || gradients.isEmpty()) {
      return gradients;
    }
    // g_i * clipNorm / max(globalNorm, clipNorm): unchanged below the threshold, rescaled together above.
    List<Operand<TFloat32>> squares = new ArrayList<>();
    for (Operand<TFloat32> g : gradients) {
      squares.add(tf.sum(tf.math.square(g), tf.range(tf.constant(0), tf.rank(g), tf.constant(1))));
    }
    Operand<TFloat32> norm = tf.math.sqrt(squares.size() == 1 ? squares.get(0) : tf.math.addN(squares));
    Operand<TFloat32> limit = tf.constant((float) settings.clipNorm());
    Operand<TFloat32> scale = tf.math.div(limit, tf.math.maximum(norm, limit));
    List<Operand<TFloat32>> clipped = new ArrayList<>();
    for (Operand<TFloat32> g : gradients) {
      clipped.add(tf.math.mul(g, scale));
    }
    return clipped;
  }
}
