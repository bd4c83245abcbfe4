package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.SpatialChecks.constant;
import static dev.deepwire.runtime.layers.TfTesting.assertClose;
import static dev.deepwire.runtime.layers.TfTesting.fetch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class ResamplingLayersTest {

  @Test
  void zeroPaddingAddsZerosAroundEachSpatialDimension() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      Operand<TFloat32> out = new ZeroPadding(1, 0).call(scope, constant(tf, new float[] {1, 2, 3, 4}, 1, 2, 2, 1));
      assertArrayEquals(new long[] {1, 4, 2, 1}, out.shape().asArray());
      assertClose(new double[] {0, 0, 1, 2, 3, 4, 0, 0}, fetch(s, out), 0, 0, "padded rows");
      Operand<TFloat32> seq = new ZeroPadding(2).call(scope, constant(tf, new float[] {5, 6}, 1, 1, 2));
      assertClose(new double[] {0, 0, 0, 0, 5, 6, 0, 0, 0, 0}, fetch(s, seq), 0, 0, "padded steps");
    }
    assertThrows(IllegalArgumentException.class, () -> new ZeroPadding(-1));
  }

  @Test
  void upSamplingRepeatsPositionsNotChannels() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      LayerScope scope = LayerScope.root(tf, 1, tf.constant(0f));
      // 1x2 image with 2 channels: (1, 10), (2, 20); factors {2, 1}
      Operand<TFloat32> out = new UpSampling(2, 1).call(scope, constant(tf, new float[] {1, 10, 2, 20}, 1, 1, 2, 2));
      assertArrayEquals(new long[] {1, 2, 2, 2}, out.shape().asArray());
      assertClose(new double[] {1, 10, 2, 20, 1, 10, 2, 20}, fetch(s, out), 0, 0, "rows doubled");
      Operand<TFloat32> seq = new UpSampling(3).call(scope, constant(tf, new float[] {1, 2}, 1, 2, 1));
      assertClose(new double[] {1, 1, 1, 2, 2, 2}, fetch(s, seq), 0, 0, "steps tripled");
    }
    assertThrows(IllegalArgumentException.class, () -> new UpSampling(0));
  }

  @Test
  void gradients() {
    SpatialChecks.checkGradients("zero padding", new long[] {2, 3, 2, 2}, new ZeroPadding(1, 2)::call, 0f);
    SpatialChecks.checkGradients("up sampling", new long[] {2, 2, 3, 2}, new UpSampling(2)::call, 0f);
    SpatialChecks.checkGradients("up sampling 3d", new long[] {1, 2, 2, 2, 1}, new UpSampling(2, 1, 3)::call, 0f);
  }
}
