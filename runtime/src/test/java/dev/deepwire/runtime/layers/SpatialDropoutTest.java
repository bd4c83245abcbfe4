package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.TfTesting.flat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class SpatialDropoutTest {

  @Test
  void dropsWholeChannelsWhileTrainingOnly() {
    int batch = 50;
    int h = 3;
    int w = 4;
    int c = 20;
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> flag = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      LayerScope scope = LayerScope.root(tf, 9, flag);
      Operand<TFloat32> out = new SpatialDropout(0.5).call(scope.child("drop"),
          tf.ones(tf.constant(new long[] {batch, h, w, c}), TFloat32.class));
      float[] inference = run(s, out, flag, 0f);
      for (float v : inference) {
        assertEquals(1f, v, 0f);
      }
      float[] training = run(s, out, flag, 1f);
      int dropped = 0;
      for (int b = 0; b < batch; b++) {
        for (int ch = 0; ch < c; ch++) {
          float first = training[((b * h) * w) * c + ch];
          assertTrue(first == 0f || first == 2f, "value " + first);
          dropped += first == 0f ? 1 : 0;
          for (int p = 0; p < h * w; p++) {
            assertEquals(first, training[(b * h * w + p) * c + ch], 0f, "channel " + ch + " of example " + b);
          }
        }
      }
      assertEquals(0.5, dropped / (double) (batch * c), 0.07, "fraction of channels dropped");
    }
    assertThrows(IllegalArgumentException.class, () -> new SpatialDropout(1.0));
  }

  @Test
  void rateZeroIsTheInput() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(1f));
      Operand<TFloat32> x = tf.zeros(tf.constant(new long[] {1, 2, 3}), TFloat32.class);
      assertArrayEquals(x.shape().asArray(), new SpatialDropout(0).call(scope, x).shape().asArray());
    }
  }

  private static float[] run(Session s, Operand<TFloat32> out, Placeholder<TFloat32> flag, float training) {
    try (TFloat32 f = TFloat32.scalarOf(training); Result r = s.runner().feed(flag, f).fetch(out).run()) {
      return flat((TFloat32) r.get(0));
    }
  }
}
