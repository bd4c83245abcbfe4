package dev.deepwire.runtime.layers;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** The gradient checker itself must catch a wrong analytic gradient, or the gradient tests prove nothing. */
class TfTestingTest {

  private static Operand<TFloat32> sumAll(Ops tf, Operand<TFloat32> x) {
    return tf.sum(x, tf.constant(new int[] {0}));
  }

  @Test
  void acceptsARightGradient() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> v = tf.variable(tf.constant(new float[] {0.5f, -1f, 2f}));
      Operand<TFloat32> z = tf.identity(v);
      TfTesting.checkGradient(g, tf, sumAll(tf, tf.math.mul(z, z)), Map.of(), List.of(v), 1e-2, 1e-2, 1e-3, "z^2");
    }
  }

  @Test
  void rejectsAWrongGradient() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> v = tf.variable(tf.constant(new float[] {0.5f, -1f, 2f}));
      Operand<TFloat32> z = tf.identity(v);
      // stopGradient hides one factor: the analytic gradient is z while the true one is 2 z.
      Operand<TFloat32> loss = sumAll(tf, tf.math.mul(tf.stopGradient(z), z));
      assertThrows(AssertionFailedError.class,
          () -> TfTesting.checkGradient(g, tf, loss, Map.of(), List.of(v), 1e-2, 1e-2, 1e-3, "hidden"));
    }
  }
}
