package dev.deepwire.runtime.layers;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Gradient checks of spatial layers: an input variable, the layer, and loss = sum(out * fixed weights). */
final class SpatialChecks {

  private SpatialChecks() {}

  /** Random values in [-1, 1), reproducible from {@code seed}. */
  static float[] random(int n, long seed) {
    Random r = new Random(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return out;
  }

  /** A float constant of {@code values} reshaped to {@code shape}. */
  static Operand<TFloat32> constant(Ops tf, float[] values, long... shape) {
    return tf.reshape(tf.constant(values), tf.constant(shape));
  }

  /**
   * Checks d loss / d input and d loss / d every weight of the layer against central differences.
   *
   * @param layer builds the layer on (scope, input)
   */
  static void checkGradients(String what, long[] inputShape,
      BiFunction<LayerScope, Operand<TFloat32>, Operand<TFloat32>> layer, float training) {
    int size = 1;
    for (long d : inputShape) {
      size *= (int) d;
    }
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> x = tf.variable(constant(tf, random(size, 7), inputShape));
      LayerScope scope = LayerScope.root(tf, 3, tf.constant(training));
      Operand<TFloat32> out = layer.apply(scope.child("layer"), tf.identity(x));
      int outSize = 1;
      for (long d : out.shape().asArray()) {
        outSize *= (int) d;
      }
      Operand<TFloat32> weights = constant(tf, random(outSize, 11), out.shape().asArray());
      int[] axes = new int[out.shape().numDimensions()];
      for (int i = 0; i < axes.length; i++) {
        axes[i] = i;
      }
      Operand<TFloat32> loss = tf.sum(tf.math.mul(out, weights), tf.constant(axes));
      List<Variable<TFloat32>> check = new java.util.ArrayList<>();
      check.add(x);
      check.addAll(scope.weights().values());
      TfTesting.checkGradient(g, tf, loss, Map.of(), check, 1e-2, 2e-2, 2e-3, what);
    }
  }
}
