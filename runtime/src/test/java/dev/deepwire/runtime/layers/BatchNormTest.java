package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.SpatialChecks.constant;
import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static dev.deepwire.runtime.layers.TfTesting.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class BatchNormTest {

  /** Two channels over four examples: channel 0 is {1, 2, 3, 4}, channel 1 is {10, 10, 10, 30}. */
  private static final float[] X = {1, 10, 2, 10, 3, 10, 4, 30};

  @Test
  void trainingUsesBatchStatisticsInferenceUsesMovingOnes() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> flag = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      LayerScope scope = LayerScope.root(tf, 1, flag);
      Operand<TFloat32> out = new BatchNorm(0.9, 1e-3).call(scope.child("bn"), constant(tf, X, 4, 2));
      assertEquals(List.of("bn.gamma", "bn.beta"), List.copyOf(scope.weights().keySet()));
      assertEquals(2, scope.updates().size());
      Variable<TFloat32> movingMean = scope.child("bn").state("moving_mean", Shape.of(2), 0f);
      Variable<TFloat32> movingVariance = scope.child("bn").state("moving_variance", Shape.of(2), 1f);
      try (Session s = new Session(g)) {
        s.initialize();
        // Batch statistics: channel 0 mean 2.5, variance 1.25; channel 1 mean 15, variance 75.
        double[] expected = new double[8];
        double[] mean = {2.5, 15};
        double[] variance = {1.25, 75};
        for (int i = 0; i < 8; i++) {
          expected[i] = (X[i] - mean[i % 2]) / Math.sqrt(variance[i % 2] + 1e-3);
        }
        assertClose(expected, run(s, out, flag, 1f, null), 1e-5, 1e-5, "training output");
        // Inference before any update: moving mean 0, moving variance 1.
        double[] identity = new double[8];
        for (int i = 0; i < 8; i++) {
          identity[i] = X[i] / Math.sqrt(1 + 1e-3);
        }
        assertClose(identity, run(s, out, flag, 0f, null), 1e-5, 1e-5, "inference output");
        // One update with momentum 0.9: moving = 0.9 moving + 0.1 batch.
        run(s, out, flag, 1f, scope.updates());
        assertClose(new double[] {0.25, 1.5}, fetch(s, movingMean), 1e-6, 1e-6, "moving mean");
        assertClose(new double[] {0.9 + 0.125, 0.9 + 7.5}, fetch(s, movingVariance), 1e-6, 1e-6, "moving variance");
      }
    }
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> new BatchNorm(1.0, 1e-3));
    assertThrows(IllegalArgumentException.class, () -> new BatchNorm(0.9, 0));
  }

  @Test
  void gradientsInTrainingMode() {
    SpatialChecks.checkGradients("batch norm", new long[] {4, 3, 2}, new BatchNorm()::call, 1f);
  }

  private static float[] run(Session s, Operand<TFloat32> out, Placeholder<TFloat32> flag, float training,
      List<org.tensorflow.op.Op> targets) {
    try (TFloat32 f = TFloat32.scalarOf(training)) {
      Session.Runner runner = s.runner().feed(flag, f).fetch(out);
      if (targets != null) {
        targets.forEach(runner::addTarget);
      }
      try (Result r = runner.run()) {
        return flat((TFloat32) r.get(0));
      }
    }
  }
}
