package dev.deepwire.runtime.training;

import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.deepwire.annotations.Loss;
import dev.deepwire.runtime.layers.TfTesting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Margin, contrastive and triplet losses against their formulas in Java, and their gradients. */
class HingeLossesTest {

  static final float[][] LENGTHS = {{0.95f, 0.3f, 0.05f}, {0.2f, 0.6f, 0.12f}};
  static final float[][] ONE_HOT = {{1, 0, 0}, {0, 0, 1}};
  static final float[][] DISTANCES = {{0.2f}, {0.7f}, {1.4f}, {0.3f}};
  static final float[][] SAME = {{1}, {0}, {0}, {1}};
  static final float[][] TRIPLETS = {{0.2f, 1.5f}, {0.9f, 1.2f}, {1.1f, 0.4f}};

  static double hinge(double x) {
    return Math.max(0, x);
  }

  static double marginReference() {
    double total = 0;
    for (int b = 0; b < LENGTHS.length; b++) {
      for (int k = 0; k < LENGTHS[b].length; k++) {
        double v = LENGTHS[b][k];
        total += ONE_HOT[b][k] * Math.pow(hinge(0.9 - v), 2) + 0.5 * (1 - ONE_HOT[b][k]) * Math.pow(hinge(v - 0.1), 2);
      }
    }
    return total / LENGTHS.length;
  }

  static double contrastiveReference(double margin) {
    double total = 0;
    for (int i = 0; i < DISTANCES.length; i++) {
      double d = DISTANCES[i][0];
      total += SAME[i][0] == 1 ? d * d : Math.pow(hinge(margin - d), 2);
    }
    return total / DISTANCES.length;
  }

  static double tripletReference(double margin) {
    double total = 0;
    for (float[] t : TRIPLETS) {
      total += hinge(t[0] - t[1] + margin);
    }
    return total / TRIPLETS.length;
  }

  @Test
  void lossesEqualTheirFormulas() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      assertEquals(marginReference(), value(s, Losses.build(tf, Loss.MARGIN, tf.constant(LENGTHS), Optional.empty(),
          tf.constant(ONE_HOT))), 1e-6);
      assertEquals(contrastiveReference(1), value(s, Losses.build(tf, Loss.CONTRASTIVE, tf.constant(DISTANCES),
          Optional.empty(), tf.constant(SAME))), 1e-6);
      assertEquals(tripletReference(1), value(s, Losses.build(tf, Loss.TRIPLET, tf.constant(TRIPLETS),
          Optional.empty(), tf.constant(TRIPLETS))), 1e-6);
    }
  }

  @Test
  void distanceLossesUseTheGivenMargin() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      double contrastive = value(s, Losses.build(tf, Loss.CONTRASTIVE, tf.constant(DISTANCES), Optional.empty(),
          tf.constant(SAME), Optional.empty(), 0.5f));
      double triplet = value(s, Losses.build(tf, Loss.TRIPLET, tf.constant(TRIPLETS), Optional.empty(),
          tf.constant(TRIPLETS), Optional.empty(), 0.5f));
      assertEquals(contrastiveReference(0.5), contrastive, 1e-6);
      assertEquals(tripletReference(0.5), triplet, 1e-6);
      assertNotEquals(contrastiveReference(1), contrastive, 1e-3); // the data reach both margins' hinges
      assertNotEquals(tripletReference(1), triplet, 1e-3);
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> lengths = tf.variable(tf.constant(LENGTHS));
      Variable<TFloat32> distances = tf.variable(tf.constant(DISTANCES));
      Variable<TFloat32> triplets = tf.variable(tf.constant(TRIPLETS));
      Operand<TFloat32> loss = tf.math.addN(List.of(
          HingeLosses.margin(tf, tf.identity(lengths), tf.constant(ONE_HOT)),
          HingeLosses.contrastive(tf, tf.identity(distances), tf.constant(SAME)),
          HingeLosses.triplet(tf, tf.identity(triplets))));
      TfTesting.checkGradient(g, tf, loss, Map.of(), List.of(lengths, distances, triplets), 1e-3, 2e-2, 1e-3,
          "hinge losses");
    }
  }

  private static double value(Session s, Operand<TFloat32> loss) {
    return fetch(s, loss)[0];
  }
}
