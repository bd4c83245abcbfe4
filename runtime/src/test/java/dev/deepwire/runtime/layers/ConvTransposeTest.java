package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.SpatialChecks.constant;
import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static dev.deepwire.runtime.layers.TfTesting.fetchShape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepwire.annotations.Initializer;
import dev.deepwire.annotations.Padding;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class ConvTransposeTest {

  @Test
  void strideTwoOnesKernelRepeatsEachValueInABlock() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Operand<TFloat32> out = ConvTranspose.withFilters(1).kernel(2).strides(2)
          .kernelInitializer(Initializer.ONES).build()
          .call(scope.child("t"), constant(tf, new float[] {1, 2, 3, 4}, 1, 2, 2, 1));
      assertEquals(Shape.of(2, 2, 1, 1), scope.weights().get("t.kernel").shape());
      assertArrayEquals(new long[] {1, 4, 4, 1}, out.shape().asArray());
      s.initialize();
      assertArrayEquals(new long[] {1, 4, 4, 1}, fetchShape(s, out));
      assertClose(new double[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, fetch(s, out), 0, 0, "blocks");
    }
  }

  @Test
  void overlappingWindowsAdd() {
    // 1D-like: one row [1, 2], kernel 1x3 of ones, stride 1 VALID → [1, 3, 3, 2]
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Operand<TFloat32> out = ConvTranspose.withFilters(1).kernel(1, 3).kernelInitializer(Initializer.ONES).build()
          .call(scope.child("t"), constant(tf, new float[] {1, 2}, 1, 1, 2, 1));
      s.initialize();
      assertClose(new double[] {1, 3, 3, 2}, fetch(s, out), 0, 0, "overlap");
    }
  }

  @Test
  void outputSizes() {
    assertEquals(14, ConvTranspose.outputSize(7, 3, 2, Padding.SAME));
    assertEquals(15, ConvTranspose.outputSize(7, 3, 2, Padding.VALID));
    assertEquals(14, ConvTranspose.outputSize(7, 1, 2, Padding.VALID));
  }

  @Test
  void gradients() {
    SpatialChecks.checkGradients("conv transpose", new long[] {2, 3, 3, 2}, (scope, x) -> ConvTranspose
        .withFilters(2).kernel(3).strides(2).padding(Padding.SAME).build().call(scope, x), 0f);
    SpatialChecks.checkGradients("conv transpose valid", new long[] {1, 2, 3, 1}, (scope, x) -> ConvTranspose
        .withFilters(3).kernel(2, 3).build().call(scope, x), 0f);
  }
}
