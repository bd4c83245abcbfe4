package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.SpatialChecks.constant;
import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.Initializer;
import dev.deepwire.annotations.Padding;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class ConvTest {

  private static final float[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

  /** Runs {@code conv} on a constant input with the kernel set to {@code kernel} and zero bias. */
  private static float[] run(Conv conv, float[] input, long[] inputShape, float[] kernel, long[] expectedShape) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Operand<TFloat32> out = conv.call(scope.child("c"), constant(tf, input, inputShape));
      assertArrayEquals(expectedShape, out.shape().asArray());
      var k = scope.weights().get("c.kernel");
      var set = tf.assign(k, constant(tf, kernel, k.shape().asArray()));
      try (Session s = new Session(g)) {
        s.initialize();
        s.run(set);
        return fetch(s, out);
      }
    }
  }

  @Test
  void conv2dValidSumsEachWindow() {
    float[] out = run(Conv.withFilters(1).kernel(2).build(), ONE_TO_NINE, new long[] {1, 3, 3, 1},
        new float[] {1, 1, 1, 1}, new long[] {1, 2, 2, 1});
    assertClose(new double[] {12, 16, 24, 28}, out, 0, 1e-5, "valid");
  }

  @Test
  void conv2dSameWithStrideTwoPadsAfter() {
    // out = ceil(3 / 2) = 2; total padding 1, all after: windows {1,2,4,5}, {3,6}, {7,8}, {9}.
    float[] out = run(Conv.withFilters(1).kernel(2).strides(2).padding(Padding.SAME).build(), ONE_TO_NINE,
        new long[] {1, 3, 3, 1}, new float[] {1, 1, 1, 1}, new long[] {1, 2, 2, 1});
    assertClose(new double[] {12, 9, 15, 9}, out, 0, 1e-5, "same stride 2");
  }

  @Test
  void conv2dTwoFiltersAndReluWithBias() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Operand<TFloat32> out = Conv.withFilters(2).kernel(3).activation(ActivationFunction.RELU)
          .kernelInitializer(Initializer.ONES).biasInitializer(Initializer.ONES).build()
          .call(scope.child("c"), constant(tf, new float[] {1, -2, 3, -4, 5, -6, 7, -8, 9}, 1, 3, 3, 1));
      var kernel = scope.weights().get("c.kernel");
      assertEquals(Shape.of(3, 3, 1, 2), kernel.shape());
      // filter 0 sums (5), filter 1 negates the sum (-5): relu(5 + 1) = 6, relu(-5 + 1) = 0.
      var set = tf.assign(kernel, tf.concat(java.util.List.of(tf.ones(tf.constant(new long[] {3, 3, 1, 1}),
          TFloat32.class), tf.math.neg(tf.ones(tf.constant(new long[] {3, 3, 1, 1}), TFloat32.class))),
          tf.constant(3)));
      try (Session s = new Session(g)) {
        s.initialize();
        s.run(set);
        assertClose(new double[] {6, 0}, fetch(s, out), 0, 1e-5, "relu filters");
      }
    }
  }

  @Test
  void conv1dSlidesAlongSteps() {
    // kernel [1, 10]: x[i] + 10 x[i + 1]
    float[] out = run(Conv.withFilters(1).kernel(2).build(), new float[] {1, 2, 3, 4}, new long[] {1, 4, 1},
        new float[] {1, 10}, new long[] {1, 3, 1});
    assertClose(new double[] {21, 32, 43}, out, 0, 1e-5, "conv1d");
  }

  @Test
  void conv1dDilationSkipsSteps() {
    // dilation 2: x[i] + 10 x[i + 2]
    float[] out = run(Conv.withFilters(1).kernel(2).dilation(2).build(), new float[] {1, 2, 3, 4},
        new long[] {1, 4, 1}, new float[] {1, 10}, new long[] {1, 2, 1});
    assertClose(new double[] {31, 42}, out, 0, 1e-5, "dilated conv1d");
  }

  @Test
  void conv3dDilationReadsTheCorners() {
    // kernel 2 with dilation 2 over a 3x3x3 cube: the eight corners, weighted 1..8
    float[] cube = new float[27];
    for (int i = 0; i < cube.length; i++) {
      cube[i] = i;
    }
    float[] out = run(Conv.withFilters(1).kernel(2).dilation(2).build(), cube, new long[] {1, 3, 3, 3, 1},
        new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new long[] {1, 1, 1, 1, 1});
    int[] corners = {0, 2, 6, 8, 18, 20, 24, 26};
    double expected = 0;
    for (int j = 0; j < corners.length; j++) {
      expected += (j + 1) * corners[j];
    }
    assertClose(new double[] {expected}, out, 0, 1e-4, "dilated conv3d");
  }

  @Test
  void conv3dSumsTheCube() {
    float[] out = run(Conv.withFilters(1).kernel(2).build(), new float[] {1, 2, 3, 4, 5, 6, 7, 8},
        new long[] {1, 2, 2, 2, 1}, new float[] {1, 1, 1, 1, 1, 1, 1, 1}, new long[] {1, 1, 1, 1, 1});
    assertClose(new double[] {36}, out, 0, 1e-5, "conv3d");
  }

  @Test
  void outputSizeFollowsPaddingStrideAndDilation() {
    assertEquals(26, Conv.outputSize(28, 3, 1, 1, Padding.VALID));
    assertEquals(28, Conv.outputSize(28, 3, 1, 1, Padding.SAME));
    assertEquals(14, Conv.outputSize(28, 3, 2, 1, Padding.SAME));
    assertEquals(24, Conv.outputSize(28, 3, 1, 2, Padding.VALID));
    assertEquals(0, Conv.outputSize(2, 3, 1, 1, Padding.VALID));
  }

  @Test
  void rejectsBadSettingsAndRanks() {
    assertThrows(IllegalArgumentException.class, () -> Conv.withFilters(0));
    assertThrows(IllegalArgumentException.class, () -> Conv.withFilters(1).kernel(0));
    assertThrows(IllegalArgumentException.class, () -> Conv.withFilters(1).strides());
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
          () -> Conv.withFilters(1).build().call(scope.child("c"), tf.constant(new float[][] {{1, 2}})));
      assertEquals("Conv 'c' needs a rank-3 to 5 input [batch, spatial..., channels] with known sizes, got [1, 2]",
          rank.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Conv.withFilters(1).kernel(2, 2, 2).build()
          .call(scope.child("d"), constant(tf, ONE_TO_NINE, 1, 3, 3, 1)));
    }
  }

  @Test
  void gradients1d() {
    SpatialChecks.checkGradients("conv1d", new long[] {2, 7, 3}, (scope, x) -> Conv.withFilters(2).kernel(3)
        .strides(2).padding(Padding.SAME).activation(ActivationFunction.TANH).build().call(scope, x), 0f);
  }

  @Test
  void gradients2d() {
    SpatialChecks.checkGradients("conv2d", new long[] {2, 5, 5, 2}, (scope, x) -> Conv.withFilters(3).kernel(3, 2)
        .strides(2, 1).padding(Padding.SAME).build().call(scope, x), 0f);
  }

  @Test
  void gradients2dDilated() {
    SpatialChecks.checkGradients("dilated conv2d", new long[] {1, 6, 6, 2},
        (scope, x) -> Conv.withFilters(2).kernel(2).dilation(2).build().call(scope, x), 0f);
  }

  @Test
  void gradients3dDilatedAndStrided() {
    SpatialChecks.checkGradients("dilated conv3d", new long[] {1, 5, 5, 5, 1}, (scope, x) -> Conv.withFilters(2)
        .kernel(2).dilation(2).strides(2).padding(Padding.SAME).build().call(scope, x), 0f);
  }

  @Test
  void gradients3dUseTheRegisteredGradient() {
    SpatialChecks.checkGradients("conv3d", new long[] {1, 4, 4, 3, 2}, (scope, x) -> Conv.withFilters(2).kernel(2)
        .strides(1, 2, 1).padding(Padding.SAME).build().call(scope, x), 0f);
  }
}
