package dev.deepwire.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A raw step feeds, fetches and runs its target exactly as {@code Session.Runner} does: a counter variable
 * the target adds to shows the target ran once per step, and the fetched vector equals the Runner's.
 */
class RawStepTest {

  /** {@code fetched = [sum(x) * k, counter]}; the target adds {@code sum(x)} to the counter. */
  private static final class CounterGraph implements AutoCloseable {
    final Graph graph = new Graph();
    final Placeholder<TFloat32> x;
    final Placeholder<TFloat32> k;
    final Operand<TFloat32> fetched;
    final Op target;
    final Session session;

    CounterGraph() {
      Ops tf = Ops.create(graph);
      x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
      k = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      Variable<TFloat32> counter = tf.withName("counter").variable(tf.constant(0f));
      Operand<TFloat32> sum = tf.sum(tf.reshape(x, tf.constant(new long[] {-1, 3})), tf.constant(new int[] {0, 1}));
      fetched = tf.stack(List.of(tf.math.mul(sum, k), tf.identity(counter)));
      target = tf.withControlDependencies(List.of(fetched)).assignAdd(counter, sum);
      session = new Session(graph);
      session.initialize();
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }

  @Test
  void fetchesAndRunsItsTargetAsTheRunnerDoes() {
    try (CounterGraph g = new CounterGraph(); CounterGraph h = new CounterGraph();
         RawStep raw = new RawStep(g.session, List.of(g.x, g.k), g.fetched, g.target);
         TFloat32 k = TFloat32.scalarOf(2f)) {
      for (int step = 1; step <= 5; step++) {
        try (TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(new float[][] {{step, 1, 0}, {0, 0, 1}}))) {
          float[] rawValues = new float[2];
          raw.run(List.of((Tensor) x, k), rawValues);
          float[] runnerValues = new float[2];
          try (Result r = h.session.runner().feed(h.x, x).feed(h.k, k).addTarget(h.target).fetch(h.fetched).run()) {
            ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(runnerValues);
          }
          assertArrayEquals(runnerValues, rawValues, 0f, "step " + step);
          assertEquals(2f * (step + 2), rawValues[0]);
        }
      }
    }
  }

  @Test
  void aFailingRunThrowsTensorFlowsErrorAndTheNextRunWorks() {
    try (CounterGraph g = new CounterGraph(); RawStep raw = new RawStep(g.session, List.of(g.x, g.k), g.fetched, null);
         TFloat32 k = TFloat32.scalarOf(1f);
         TFloat32 wrong = TFloat32.tensorOf(Shape.of(1, 4));
         TFloat32 right = TFloat32.tensorOf(StdArrays.ndCopyOf(new float[][] {{1, 2, 3}}))) {
      float[] values = new float[2];
      assertThrows(TFInvalidArgumentException.class, () -> raw.run(List.of(wrong, k), values));
      raw.run(List.of(right, k), values);
      assertArrayEquals(new float[] {6f, 0f}, values, 0f, "no target: the counter stays 0");
    }
  }

  @Test
  void twoHundredThousandStepsKeepResidentMemoryFlat() throws Exception {
    String[] fields = CappedHeapChild.lastLine(Child.class);
    String report = String.join(" ", fields);
    long growth = Long.parseLong(fields[1]) - Long.parseLong(fields[0]);
    assertTrue(growth < 16 * 1024, "RSS grew " + growth + " KiB over 200,000 steps: " + report);
  }

  /** Prints the RSS in KiB after a warm-up and after 200,000 more steps (a leaked fetch would add about 50 MB). */
  public static final class Child {
    public static void main(String[] args) throws IOException {
      try (CounterGraph g = new CounterGraph(); RawStep raw = new RawStep(g.session, List.of(g.x, g.k), g.fetched,
          g.target); TFloat32 k = TFloat32.scalarOf(1f); TFloat32 x = TFloat32.tensorOf(Shape.of(64, 3))) {
        float[] values = new float[2];
        for (int i = 0; i < 20_000; i++) {
          raw.run(List.of(x, k), values);
        }
        long warm = CappedHeapChild.rssKib();
        for (int i = 0; i < 200_000; i++) {
          raw.run(List.of(x, k), values);
        }
        System.out.println(warm + " " + CappedHeapChild.rssKib());
      }
    }
  }
}
