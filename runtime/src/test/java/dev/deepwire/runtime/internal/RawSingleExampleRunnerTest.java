package dev.deepwire.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFFailedPreconditionException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class RawSingleExampleRunnerTest {

  @Test
  void floatInputsGiveTheRunnerPathsOutputBitForBitAndTheEquations() {
    try (TinyGraph model = TinyGraph.floats(5, 4)) {
      assertSamePathOutputs(model, false);
    }
  }

  @Test
  void int32InputsGiveTheRunnerPathsOutputBitForBitAndTheEquations() {
    try (TinyGraph model = TinyGraph.ints(6, 3)) {
      assertSamePathOutputs(model, true);
    }
  }

  private static void assertSamePathOutputs(TinyGraph model, boolean whole) {
    try (SingleExampleRunner runner = new SingleExampleRunner(model.session, model.input, model.output, model.outputs);
         RawSingleExampleRunner pooled = raw(model, false);
         RawSingleExampleRunner inline = raw(model, true)) {
      for (int k = 0; k < 50; k++) {
        float[] example = model.example(k, whole);
        float[] expected = runner.predict(example);
        assertArrayEquals(expected, pooled.predict(example), "example " + k + ", run on the inter-op pool");
        assertArrayEquals(expected, inline.predict(example), "example " + k + ", run on the calling thread");
        double[] reference = model.reference(example);
        for (int j = 0; j < reference.length; j++) {
          assertEquals(reference[j], expected[j], 1e-6, "example " + k + ", output " + j);
        }
      }
    }
  }

  @Test
  void concurrentCallersGetTheirOwnAnswers() throws Exception {
    try (TinyGraph model = TinyGraph.floats(8, 5); RawSingleExampleRunner raw = raw(model, true)) {
      float[][] examples = new float[400][];
      float[][] expected = new float[examples.length][];
      for (int k = 0; k < examples.length; k++) {
        examples[k] = model.example(k, false);
        expected[k] = raw.predict(examples[k]);
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> callers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int offset = t * 101;
          callers.add(pool.submit(() -> {
            for (int n = 0; n < 2000; n++) {
              int k = (offset + n * 7) % examples.length;
              assertArrayEquals(expected[k], raw.predict(examples[k]), "example " + k);
            }
          }));
        }
        for (Future<?> caller : callers) {
          caller.get();
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void closeWaitsForCallsInFlightAndLaterCallsFail() throws Exception {
    TinyGraph model = TinyGraph.floats(8, 5);
    RawSingleExampleRunner raw = raw(model, true);
    float[] example = model.example(3, false);
    float[] expected = raw.predict(example);
    AtomicInteger answered = new AtomicInteger();
    CountDownLatch running = new CountDownLatch(4);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> callers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        callers.add(pool.submit(() -> {
          running.countDown();
          while (true) {
            float[] output;
            try {
              output = raw.predict(example);
            } catch (IllegalStateException e) {
              return e.getMessage();
            }
            assertArrayEquals(expected, output);
            answered.incrementAndGet();
          }
        }));
      }
      running.await();
      Thread.sleep(50);
      raw.close();
      model.close(); // the session goes at once: a call still inside TF_SessionRun would crash the JVM
      for (Future<String> caller : callers) {
        assertEquals("the model was closed", caller.get());
      }
    } finally {
      pool.shutdown();
    }
    assertTrue(answered.get() > 0, "callers ran before the close");
    var after = assertThrows(IllegalStateException.class, () -> raw.predict(example));
    assertEquals("the model was closed", after.getMessage());
    raw.close(); // a second close does nothing
  }

  @Test
  void withoutTheSessionsNativeHandleThePathFallsBackToTheRunner() {
    try (TinyGraph model = TinyGraph.floats(5, 4)) {
      var missing = assertThrows(UnsupportedOperationException.class,
          () -> new NativeSessionHandle("handleRenamed").of(model.session));
      assertEquals("no native TF_Session in private field 'handleRenamed' of org.tensorflow.Session (TensorFlow"
          + " Java 1.1.0 has one): cannot read it: java.lang.NoSuchFieldException: handleRenamed", missing.getMessage());
      var wrongType = assertThrows(UnsupportedOperationException.class,
          () -> new NativeSessionHandle("graph").of(model.session));
      assertEquals("no native TF_Session in private field 'graph' of org.tensorflow.Session (TensorFlow Java 1.1.0"
          + " has one): it holds a org.tensorflow.Graph, not a TF_Session", wrongType.getMessage());
      try (SingleExamplePath fallback = SingleExamplePaths.open(new NativeSessionHandle("handleRenamed"),
               model.session, model.input, model.output, model.outputs);
           SingleExamplePath normal = SingleExamplePaths.open(model.session, model.input, model.output,
               model.outputs)) {
        assertInstanceOf(SingleExampleRunner.class, fallback);
        assertInstanceOf(RawSingleExampleRunner.class, normal);
        for (int k = 0; k < 10; k++) {
          float[] example = model.example(k, false);
          assertArrayEquals(normal.predict(example), fallback.predict(example), "example " + k);
        }
      }
    }
  }

  @Test
  void aFailingRunThrowsTensorFlowsErrorAndLeavesThePathUsable() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
      Variable<TFloat32> never = tf.variable(Shape.of(3, 2), TFloat32.class); // its initializer never runs
      Operand<TFloat32> output = tf.linalg.matMul(input, never);
      Assign<TFloat32> initialize = tf.assign(never, tf.constant(new float[][] {{1, 0}, {0, 1}, {1, 1}}));
      try (Session session = new Session(graph);
           RawSingleExampleRunner raw = RawSingleExampleRunner.open(session, input, output, 2, true)) {
        for (int attempt = 0; attempt < 2; attempt++) {
          var failed = assertThrows(TFFailedPreconditionException.class, () -> raw.predict(new float[] {1, 2, 3}));
          assertTrue(failed.getMessage().contains("uninitialized"), failed.getMessage());
        }
        session.run(initialize);
        assertArrayEquals(new float[] {4, 5}, raw.predict(new float[] {1, 2, 3}));
      }
    }
  }

  private static RawSingleExampleRunner raw(TinyGraph model, boolean inline) {
    return RawSingleExampleRunner.open(model.session, model.input, model.output, model.outputs, inline);
  }
}
