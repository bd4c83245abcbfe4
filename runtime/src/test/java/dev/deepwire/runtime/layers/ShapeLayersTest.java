package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static dev.deepwire.runtime.layers.TfTesting.fetchShape;
import static dev.deepwire.runtime.layers.TfTesting.flat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Flatten, Reshape, Concatenate and Add: shapes and values. */
class ShapeLayersTest {

  /** 0, 1, 2, ... as a [2, 3, 4] tensor. */
  static float[][][] cube() {
    float[][][] c = new float[2][3][4];
    int n = 0;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 4; k++) {
          c[i][j][k] = n++;
        }
      }
    }
    return c;
  }

  static float[] range(int n) {
    float[] r = new float[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  static LayerScope scope(Ops tf) {
    return LayerScope.root(tf, 1, tf.constant(0f));
  }

  /** Feeds {@code values} shaped {@code shape} to {@code in} and returns out's shape and values. */
  static float[] feed(Session s, Placeholder<TFloat32> in, Operand<TFloat32> out, Shape shape, float[] values,
      long[] shapeOut) {
    try (TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(values, true, false));
        Result r = s.runner().feed(in, t).fetch(out).run()) {
      TFloat32 o = (TFloat32) r.get(0);
      System.arraycopy(o.shape().asArray(), 0, shapeOut, 0, shapeOut.length);
      return flat(o);
    }
  }

  @Test
  void flattenKeepsBatchAndRowMajorOrder() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> out = new Flatten().call(scope(tf), tf.constant(cube()));
      assertArrayEquals(new long[] {2, 12}, out.shape().asArray());
      assertArrayEquals(new long[] {2, 12}, fetchShape(s, out));
      assertArrayEquals(range(24), fetch(s, out), 0f);
      assertArrayEquals(new long[] {-1, 60}, Flatten.outputShape(new long[] {-1, 3, 4, 5}));
    }
  }

  @Test
  void flattenWithUnknownBatch() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3, 4)));
      Operand<TFloat32> out = new Flatten().call(scope(tf), in);
      assertArrayEquals(new long[] {-1, 12}, out.shape().asArray());
      long[] shape = new long[2];
      float[] values = feed(s, in, out, Shape.of(5, 3, 4), range(60), shape);
      assertArrayEquals(new long[] {5, 12}, shape);
      assertArrayEquals(range(60), values, 0f);
    }
  }

  @Test
  void reshapeToExplicitAndInferredShapes() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = tf.constant(cube());
      Operand<TFloat32> explicit = new Reshape(4, 3).call(scope(tf), x);
      Operand<TFloat32> inferred = new Reshape(-1, 2).call(scope(tf), x);
      Operand<TFloat32> inferredFirst = new Reshape(3, -1).call(scope(tf), x);
      Operand<TFloat32> vector = new Reshape(-1).call(scope(tf), x);
      assertArrayEquals(new long[] {2, 4, 3}, fetchShape(s, explicit));
      assertArrayEquals(new long[] {2, 6, 2}, fetchShape(s, inferred));
      assertArrayEquals(new long[] {2, 3, 4}, fetchShape(s, inferredFirst));
      assertArrayEquals(new long[] {2, 12}, fetchShape(s, vector));
      assertArrayEquals(range(24), fetch(s, explicit), 0f);
      assertArrayEquals(range(24), fetch(s, inferred), 0f);
    }
  }

  @Test
  void reshapeWithInferredDimensionAndUnknownBatch() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 12)));
      Operand<TFloat32> out = new Reshape(2, -1).call(scope(tf), in);
      long[] shape = new long[3];
      float[] values = feed(s, in, out, Shape.of(5, 12), range(60), shape);
      assertArrayEquals(new long[] {5, 2, 6}, shape);
      assertArrayEquals(range(60), values, 0f);
    }
  }

  /**
   * A target whose size does not divide (or equal) the example size must be rejected when the layer is
   * built: with an unknown batch, TF would otherwise silently regroup elements across examples, e.g.
   * 5 examples of 12 reshaped to [-1, 5, 2] give 6 "examples".
   */
  @Test
  void reshapeRejectsTargetsOfAnotherSize() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3, 4)));
      assertThrows(IllegalArgumentException.class, () -> new Reshape(5, -1).call(scope(tf), in),
          "12 elements per example cannot be [5, -1]");
      assertThrows(IllegalArgumentException.class, () -> new Reshape(5, 3).call(scope(tf), in),
          "12 elements per example cannot be [5, 3]");
    }
  }

  /**
   * Flatten must refuse unknown example dimensions. Two unknown dimensions multiply to a positive
   * "size" ((-1) * (-1) * 4 = 4), which must not pass for a known one.
   */
  @Test
  void flattenRejectsUnknownExampleDimensions() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> one = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, 4)));
      assertThrows(IllegalArgumentException.class, () -> new Flatten().call(scope(tf), one));
      Placeholder<TFloat32> two = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 4)));
      assertThrows(IllegalArgumentException.class, () -> new Flatten().call(scope(tf), two),
          "[batch, ?, ?, 4] flattened to [batch, 4] would mix examples");
    }
  }

  /** Reshape(-1) of [batch, ?, 4]: either refused when built, or right when run; never a TF error. */
  @Test
  void reshapeWithUnknownExampleDimensionIsRefusedOrRight() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, 4)));
      Operand<TFloat32> out;
      try {
        out = new Reshape(-1).call(scope(tf), in);
      } catch (IllegalArgumentException refused) {
        return;
      }
      long[] shape = new long[2];
      float[] values = feed(s, in, out, Shape.of(2, 3, 4), range(24), shape);
      assertArrayEquals(new long[] {2, 12}, shape);
      assertArrayEquals(range(24), values, 0f);
    }
  }

  @Test
  void concatenateJoinsLastAxis() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> a = tf.constant(new float[][] {{1f, 2f}, {3f, 4f}});
      Operand<TFloat32> b = tf.constant(new float[][] {{5f, 6f, 7f}, {8f, 9f, 10f}});
      Operand<TFloat32> c = tf.constant(new float[][] {{-1f}, {-2f}});
      Operand<TFloat32> out = new Concatenate().call(scope(tf), a, b, c);
      assertArrayEquals(new long[] {2, 6}, out.shape().asArray());
      assertArrayEquals(new float[] {1, 2, 5, 6, 7, -1, 3, 4, 8, 9, 10, -2}, fetch(s, out), 0f);

      // rank 3: still the last axis
      Operand<TFloat32> x = tf.constant(cube());
      Operand<TFloat32> twice = new Concatenate().call(scope(tf), x, x);
      assertArrayEquals(new long[] {2, 3, 8}, fetchShape(s, twice));
      float[] v = fetch(s, twice);
      for (int row = 0; row < 6; row++) {
        for (int k = 0; k < 8; k++) {
          assertClose(new double[] {row * 4 + (k % 4)}, new float[] {v[row * 8 + k]}, 0, 0, "concat");
        }
      }
      assertThrows(IllegalArgumentException.class, () -> new Concatenate().call(scope(tf), a));
    }
  }

  @Test
  void addSumsElementWise() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> a = tf.constant(new float[][] {{1f, 2f}, {3f, 4f}});
      Operand<TFloat32> b = tf.constant(new float[][] {{10f, 20f}, {30f, 40f}});
      Operand<TFloat32> c = tf.constant(new float[][] {{-0.5f, 0f}, {0.25f, -4f}});
      assertArrayEquals(new float[] {11, 22, 33, 44}, fetch(s, new Add().call(scope(tf), a, b)), 0f);
      assertArrayEquals(new float[] {10.5f, 22f, 33.25f, 40f},
          fetch(s, new Add().call(scope(tf), a, b, c)), 0f);
      assertArrayEquals(new long[] {2, 2}, new Add().call(scope(tf), a, b).shape().asArray());
      assertThrows(IllegalArgumentException.class, () -> new Add().call(scope(tf), a));
    }
  }
}
