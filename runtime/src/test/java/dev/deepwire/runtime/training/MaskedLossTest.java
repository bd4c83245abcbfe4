package dev.deepwire.runtime.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Sequence outputs: a loss and an accuracy over the positions a mask keeps, equal to hand-computed values. */
class MaskedLossTest {

  /** Two sequences of three steps over three classes; the second sequence's last step is padding. */
  private static final float[][][] PROBABILITIES = {
      {{0.7f, 0.2f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.3f, 0.3f, 0.4f}},
      {{0.2f, 0.5f, 0.3f}, {0.6f, 0.3f, 0.1f}, {0.05f, 0.05f, 0.9f}}};
  private static final int[][] TARGETS = {{0, 1, 1}, {1, 2, 0}};
  private static final float[][] MASK = {{1, 1, 1}, {1, 1, 0}};

  private static float[] run(int[][] targets) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> output = tf.constant(PROBABILITIES);
      Optional<Operand<TFloat32>> mask = Optional.of(tf.constant(MASK));
      Operand<TFloat32> loss = Losses.build(tf, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, output, Optional.empty(),
          tf.constant(targets), mask);
      Operand<TFloat32> accuracy = Metrics.build(tf, Metric.ACCURACY, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, output,
          tf.constant(targets), mask);
      try (var result = s.runner().fetch(loss).fetch(accuracy).run()) {
        return new float[] {((TFloat32) result.get(0)).getFloat(), ((TFloat32) result.get(1)).getFloat()};
      }
    }
  }

  @Test
  void lossAndAccuracyCountOnlyUnmaskedPositions() {
    float[] values = run(TARGETS);
    double expectedLoss = -(Math.log(0.7) + Math.log(0.8) + Math.log(0.3) + Math.log(0.5) + Math.log(0.1)) / 5;
    assertEquals(expectedLoss, values[0], 1e-5);
    // Right: step 1 and 2 of the first sequence, step 1 of the second: 3 of 5 kept positions.
    assertEquals(3 / 5.0, values[1], 1e-6);
  }

  @Test
  void aPaddedTargetChangesNothing() {
    float[] base = run(TARGETS);
    float[] changed = run(new int[][] {{0, 1, 1}, {1, 2, 2}});
    assertEquals(base[0], changed[0]);
    assertEquals(base[1], changed[1]);
  }
}
