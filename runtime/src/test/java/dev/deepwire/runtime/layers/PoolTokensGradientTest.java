package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.RecurrentTest.random;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Pooling the first token ([CLS]) must be differentiable: fine-tuning a BERT classifier goes through it. */
class PoolTokensGradientTest {

  @Test
  void firstTokenGradientMatchesFiniteDifferences() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Variable<TFloat32> x = tf.variable(tf.constant(random(new Random(1), 2 * 3 * 4, 1)));
      Operand<TFloat32> pooled = new PoolTokens(PoolTokens.Mode.FIRST).call(scope.child("first"),
          tf.reshape(tf.identity(x), tf.constant(new long[] {2, 3, 4})));
      Operand<TFloat32> loss = tf.sum(tf.math.mul(tf.reshape(pooled, tf.constant(new long[] {-1})),
          tf.constant(random(new Random(2), 2 * 4, 1))), tf.constant(0));
      TfTesting.checkGradient(g, tf, loss, Map.of(), List.of(x), 1e-2, 1e-2, 1e-3, "first-token pooling");
    }
  }
}
