package dev.deepwire.runtime.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * What unrolling costs: graph ops (forward and gradient) grow linearly with the length. Build time is printed,
 * not asserted: a wall-clock limit fails on a loaded machine (timings belong in the benchmarks).
 */
class RecurrentUnrollTest {

  /** Ops of an LSTM over {@code time} steps with its gradients, and the milliseconds to build them. */
  private static long[] build(int time) {
    long t0 = System.nanoTime();
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, time, 8)));
      Operand<TFloat32> h = new Recurrent(new LstmCell(32)).call(scope.child("lstm"), x);
      Operand<TFloat32> loss = tf.sum(tf.math.square(h), tf.constant(new int[] {0, 1}));
      Output<?>[] vars = scope.weights().values().stream().map(v -> v.asOutput()).toArray(Output<?>[]::new);
      g.addGradients(loss.asOutput(), vars);
      long ops = 0;
      for (Iterator<?> it = g.operations(); it.hasNext(); it.next()) {
        ops++;
      }
      return new long[] {ops, (System.nanoTime() - t0) / 1_000_000};
    }
  }

  @Test
  void graphGrowsLinearlyWithTheUnrolledLength() {
    build(4);
    long[] short25 = build(25);
    long[] long100 = build(100);
    long perStep = (long100[0] - short25[0]) / 75;
    System.out.printf("LSTM unrolled with gradients: %d ops at 25 steps (%d ms), %d ops at 100 steps (%d ms),"
        + " %d ops per step%n", short25[0], short25[1], long100[0], long100[1], perStep);
    assertEquals(long100[0] - short25[0], perStep * 75, 75, "linear in the length");
    assertEquals(short25[0] - build(4)[0], perStep * 21, 21, "the same cost per step from 4 steps on");
  }
}
