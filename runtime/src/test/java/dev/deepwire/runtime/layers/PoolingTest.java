package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.SpatialChecks.constant;
import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.annotations.Padding;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class PoolingTest {

  private static final float[] FOUR_BY_FOUR = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

  private static float[] run(BiFunction<LayerScope, Operand<TFloat32>, Operand<TFloat32>> layer, float[] input,
      long[] shape, long[] expectedShape) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Operand<TFloat32> out = layer.apply(scope.child("p"), constant(tf, input, shape));
      assertArrayEquals(expectedShape, out.shape().asArray());
      return fetch(s, out);
    }
  }

  @Test
  void maxPoolingBuildsTheOpOneDnnAccelerates() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Pooling.max(2).call(scope.child("p"), constant(tf, FOUR_BY_FOUR, new long[] {1, 4, 4, 1}));
      java.util.Set<String> types = new java.util.HashSet<>();
      g.operations().forEachRemaining(op -> types.add(op.type()));
      assertTrue(types.contains("MaxPool") && !types.contains("MaxPoolV2"), types.toString());
    }
  }

  @Test
  void maxAndAverage2d() {
    long[] in = {1, 4, 4, 1};
    long[] out = {1, 2, 2, 1};
    assertClose(new double[] {6, 8, 14, 16}, run(Pooling.max(2)::call, FOUR_BY_FOUR, in, out), 0, 0, "max");
    assertClose(new double[] {3.5, 5.5, 11.5, 13.5}, run(Pooling.avg(2)::call, FOUR_BY_FOUR, in, out), 0, 1e-6,
        "avg");
  }

  @Test
  void stridesAndSamePadding() {
    // 3x3 windows, stride 1 VALID over 4x4: maxima 11, 12, 15, 16
    assertClose(new double[] {11, 12, 15, 16}, run(new Pooling(Pooling.Kind.MAX, new int[] {3}, new int[] {1},
        Padding.VALID)::call, FOUR_BY_FOUR, new long[] {1, 4, 4, 1}, new long[] {1, 2, 2, 1}), 0, 0, "max 3 s1");
    // SAME 2x2 stride 2 over 3x3: averages exclude the padding: {1,2,4,5}, {3,6}, {7,8}, {9}
    assertClose(new double[] {3, 4.5, 7.5, 9}, run(new Pooling(Pooling.Kind.AVG, new int[] {2}, new int[0],
        Padding.SAME)::call, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new long[] {1, 3, 3, 1},
        new long[] {1, 2, 2, 1}), 0, 1e-6, "avg same");
  }

  @Test
  void pool1dAnd3d() {
    assertClose(new double[] {3}, run(Pooling.max(3)::call, new float[] {1, 3, 2, 4, 0}, new long[] {1, 5, 1},
        new long[] {1, 1, 1}), 0, 0, "1d max window 3 stride 3");
    assertClose(new double[] {4.5}, run(Pooling.avg(2)::call, new float[] {1, 2, 3, 4, 5, 6, 7, 8},
        new long[] {1, 2, 2, 2, 1}, new long[] {1, 1, 1, 1, 1}), 0, 1e-6, "3d avg");
    assertClose(new double[] {8}, run(Pooling.max(2)::call, new float[] {1, 2, 3, 4, 5, 6, 8, 7},
        new long[] {1, 2, 2, 2, 1}, new long[] {1, 1, 1, 1, 1}), 0, 0, "3d max");
  }

  @Test
  void globalPooling() {
    long[] in = {1, 2, 2, 2};
    float[] x = {1, -1, 2, -2, 3, -3, 4, -4};
    assertClose(new double[] {4, -1}, run(new GlobalPooling(Pooling.Kind.MAX)::call, x, in, new long[] {1, 2}), 0, 0,
        "global max");
    assertClose(new double[] {2.5, -2.5}, run(new GlobalPooling(Pooling.Kind.AVG)::call, x, in, new long[] {1, 2}),
        0, 1e-6, "global avg");
  }

  @Test
  void rejectsEmptyWindowAndFlatInputs() {
    assertThrows(IllegalArgumentException.class, () -> Pooling.max());
    assertThrows(IllegalArgumentException.class, () -> Pooling.max(0));
    assertThrows(IllegalArgumentException.class,
        () -> run(Pooling.max(2)::call, new float[] {1, 2}, new long[] {1, 2}, new long[] {1}));
  }

  @Test
  void gradients() {
    SpatialChecks.checkGradients("max 1d", new long[] {2, 6, 2}, Pooling.max(2)::call, 0f);
    SpatialChecks.checkGradients("max 2d", new long[] {2, 4, 4, 2}, Pooling.max(2)::call, 0f);
    SpatialChecks.checkGradients("avg 2d same", new long[] {1, 5, 5, 2},
        new Pooling(Pooling.Kind.AVG, new int[] {2}, new int[] {2}, Padding.SAME)::call, 0f);
    SpatialChecks.checkGradients("max 3d", new long[] {1, 4, 4, 2, 2}, Pooling.max(2)::call, 0f);
    SpatialChecks.checkGradients("avg 3d", new long[] {1, 4, 2, 4, 2}, Pooling.avg(2)::call, 0f);
    SpatialChecks.checkGradients("global max", new long[] {2, 3, 3, 2}, new GlobalPooling(Pooling.Kind.MAX)::call, 0f);
    SpatialChecks.checkGradients("global avg", new long[] {2, 3, 3, 2}, new GlobalPooling(Pooling.Kind.AVG)::call, 0f);
  }
}
