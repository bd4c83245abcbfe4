package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.TfTesting.flat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

class DropoutTest {

  private static float[] run(Session s, Operand<TFloat32> out, Placeholder<TFloat32> flag, float training) {
    try (TFloat32 f = TFloat32.scalarOf(training);
        Result r = s.runner().feed(flag, f).fetch(out).run()) {
      return flat((TFloat32) r.get(0));
    }
  }

  @Test
  void inferenceIsIdentityAndTrainingDropsHalfAndScalesByTwo() {
    float[][] input = new float[1000][100];
    Random random = new Random(3);
    for (float[] row : input) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> flag = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      Operand<TInt64> step = tf.placeholderWithDefault(tf.constant(0L), Shape.scalar());
      LayerScope scope = LayerScope.root(tf, 17, flag, step);
      Operand<TFloat32> x = tf.constant(input);
      Operand<TFloat32> onesOut = new Dropout(0.5).call(scope.child("ones"),
          tf.ones(tf.constant(new long[] {1000, 100}), TFloat32.class));
      Operand<TFloat32> out = new Dropout(0.5).call(scope.child("drop"), x);

      // flag 0: exactly the input
      assertArrayEquals(flat(input), run(s, out, flag, 0f), 0f);
      float[] ones = run(s, onesOut, flag, 0f);
      for (float v : ones) {
        assertEquals(1f, v, 0f);
      }

      // flag 1: zeros and exact twos, about half each, mean about 1
      float[] dropped = run(s, onesOut, flag, 1f);
      int zeros = 0;
      double sum = 0;
      for (float v : dropped) {
        assertTrue(v == 0f || v == 2f, "element " + v + " is neither 0 nor 2");
        zeros += v == 0f ? 1 : 0;
        sum += v;
      }
      double zeroFraction = zeros / 100_000.0;
      assertEquals(0.5, zeroFraction, 0.01, "fraction dropped");
      assertEquals(1.0, sum / 100_000.0, 0.02, "mean");

      // Kept elements of a general input are the input times 2.
      float[] general = run(s, out, flag, 1f);
      float[] flatIn = flat(input);
      for (int i = 0; i < general.length; i++) {
        assertTrue(general[i] == 0f || general[i] == 2f * flatIn[i], "at " + i);
      }

      // The mask is a function of the step: the same step repeats it, the next step draws a fresh one.
      assertArrayEquals(dropped, run(s, onesOut, flag, 1f), 0f);
      try (TFloat32 on = TFloat32.scalarOf(1f); TInt64 next = TInt64.scalarOf(1L);
           Result r = s.runner().feed(flag, on).feed(step, next).fetch(onesOut).run()) {
        float[] nextMask = new float[100_000];
        ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(nextMask);
        assertFalse(Arrays.equals(dropped, nextMask));
      }
    }
  }

  @Test
  void gradientFlowsThroughKeptElementsOnly() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 5, tf.constant(1f));
      Variable<TFloat32> v = tf.variable(tf.ones(tf.constant(new long[] {20, 30}), TFloat32.class));
      Operand<TFloat32> out = new Dropout(0.25).call(scope.child("d"), tf.identity(v));
      Operand<TFloat32> loss = tf.sum(out, tf.constant(new int[] {0, 1}));
      Output<?>[] grad = g.addGradients(loss.asOutput(), new Output<?>[] {v.asOutput()});
      try (Session s = new Session(g)) {
        s.initialize();
        try (Result r = s.runner().fetch(out).fetch(grad[0]).run()) {
          float[] o = flat((TFloat32) r.get(0));
          float[] d = flat((TFloat32) r.get(1));
          // v = 1, so out = mask / 0.75 and d loss / d v = mask / 0.75 in the same step.
          assertArrayEquals(o, d, 1e-6f);
          float kept = 1f / 0.75f;
          for (float x : o) {
            assertTrue(x == 0f || Math.abs(x - kept) < 1e-6, "" + x);
          }
        }
      }
    }
  }

  @Test
  void rateZeroIsTheInputItself() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 5, tf.constant(1f));
      Operand<TFloat32> x = tf.constant(new float[] {1f, 2f});
      assertSame(x, new Dropout(0).call(scope, x));
    }
  }

  @Test
  void rejectsRatesOutsideZeroToOne() {
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.0));
    assertEquals("dropout rate must be in [0, 1), got 1.0", one.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.1));
    assertEquals("dropout rate must be in [0, 1), got -0.1", negative.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Dropout(Double.NaN));
  }
}
