package dev.deepwire.runtime.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The fused ops compute what bias-add and ReLU compute apart, and their Java gradients equal TensorFlow's own
 * gradients of the unfused ops (which read the ReLU's input where these read its output), for the input, the
 * weights and the bias; then a finite-difference check of the fused gradient alone.
 */
class FusedBiasReluTest {

  private static final long[] CONV_INPUT = {2, 7, 6, 3};
  private static final long[] CONV_FILTER = {3, 3, 3, 4};
  private static final long[] DENSE_INPUT = {5, 6};
  private static final long[] DENSE_KERNEL = {6, 4};

  @Test
  void denseMatchesMatMulBiasAddReluAndItsGradients() {
    assertFusedMatchesUnfused(DENSE_INPUT, DENSE_KERNEL, 4,
        (tf, in) -> FusedBiasRelu.matMul(tf, in.get(0), in.get(1), in.get(2)),
        (tf, in) -> tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(in.get(0), in.get(1)), in.get(2))));
  }

  @Test
  void convolutionMatchesConv2dBiasAddReluAndItsGradientsWithStridesAndSamePadding() {
    assertFusedConvolutionMatchesUnfused(List.of(1L, 2L, 1L, 1L), "SAME");
  }

  @Test
  void convolutionWithValidPaddingMatchesToo() {
    assertFusedConvolutionMatchesUnfused(List.of(1L, 1L, 1L, 1L), "VALID");
  }

  private static void assertFusedConvolutionMatchesUnfused(List<Long> strides, String padding) {
    assertFusedMatchesUnfused(CONV_INPUT, CONV_FILTER, 4,
        (tf, in) -> FusedBiasRelu.conv2d(tf, in.get(0), in.get(1), in.get(2), strides, padding),
        (tf, in) -> tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(in.get(0), in.get(1), strides, padding), in.get(2))));
  }

  @Test
  void theFusedConvolutionsWeightGradientMatchesFiniteDifferences() {
    float[] x = random(CONV_INPUT, 1);
    float[] w = random(CONV_FILTER, 2);
    float[] b = random(new long[] {4}, 3);
    List<Long> strides = List.of(1L, 1L, 1L, 1L);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> wv = tf.placeholder(TFloat32.class);
      Operand<TFloat32> y = FusedBiasRelu.conv2d(tf, constant(tf, x, CONV_INPUT), tf.reshape(wv,
          tf.constant(CONV_FILTER)), constant(tf, b, new long[] {4}), strides, "VALID");
      // A loss that weighs every output differently, so a gradient in the wrong place shows.
      Operand<TFloat32> weights = tf.stopGradient(tf.math.sin(tf.math.cumsum(tf.onesLike(y), tf.constant(3))));
      Operand<TFloat32> loss = tf.sum(tf.math.mul(y, weights),
          tf.constant(new int[] {0, 1, 2, 3}));
      Output<?>[] grad = g.addGradients(loss.asOutput(), new Output<?>[] {wv.asOutput()});
      float[] analytic = run(s, grad[0], wv, w);
      double eps = 1e-2;
      int checked = 0;
      for (int i = 0; i < w.length; i += 7) {
        float[] up = w.clone();
        float[] down = w.clone();
        up[i] += (float) eps;
        down[i] -= (float) eps;
        double numeric = (run(s, loss.asOutput(), wv, up)[0] - run(s, loss.asOutput(), wv, down)[0]) / (2 * eps);
        assertEquals(numeric, analytic[i], 2e-2 * Math.max(1, Math.abs(numeric)), "d loss / d w[" + i + "]");
        checked++;
      }
      assertTrue(checked > 10);
    }
  }

  private static void assertFusedMatchesUnfused(long[] inputShape, long[] weightShape, int units,
      BiFunction<Ops, List<Operand<TFloat32>>, Operand<TFloat32>> fused,
      BiFunction<Ops, List<Operand<TFloat32>>, Operand<TFloat32>> unfused) {
    float[] x = random(inputShape, 11);
    float[] w = random(weightShape, 12);
    float[] b = random(new long[] {units}, 13);
    float[][] results = new float[2][];
    float[][][] gradients = new float[2][][];
    int positive = 0;
    for (int side = 0; side < 2; side++) {
      try (Graph g = new Graph(); Session s = new Session(g)) {
        Ops tf = Ops.create(g);
        List<Operand<TFloat32>> in = List.of(constant(tf, x, inputShape), constant(tf, w, weightShape),
            constant(tf, b, new long[] {units}));
        Operand<TFloat32> y = (side == 0 ? fused : unfused).apply(tf, in);
        Operand<TFloat32> weights = tf.stopGradient(tf.math.sin(tf.math.cumsum(tf.onesLike(y), tf.constant(0))));
        Operand<TFloat32> loss = tf.sum(tf.math.mul(y, weights), tf.range(tf.constant(0), tf.rank(y),
            tf.constant(1)));
        Output<?>[] grads = g.addGradients(loss.asOutput(),
            in.stream().map(Operand::asOutput).toArray(Output<?>[]::new));
        results[side] = TfTesting.fetch(s, y);
        gradients[side] = new float[3][];
        for (int i = 0; i < 3; i++) {
          gradients[side][i] = TfTesting.fetch(s, (Operand<?>) grads[i]);
        }
      }
    }
    for (float v : results[1]) {
      positive += v > 0 ? 1 : 0;
    }
    assertTrue(positive > 0 && positive < results[1].length, "both sides of the ReLU are exercised");
    assertArrayEquals(results[1], results[0], 1e-5f, "outputs");
    String[] names = {"input", "weights", "bias"};
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(gradients[1][i], gradients[0][i], 1e-4f, "gradient of the " + names[i]);
    }
  }

  private static float[] run(Session s, Output<?> out, Operand<TFloat32> feed, float[] values) {
    try (TFloat32 t = TFloat32.tensorOf(Shape.of(values.length), DataBuffers.of(values, true, false));
         var result = s.runner().feed(feed, t).fetch(out).run()) {
      return TfTesting.flat((TFloat32) result.get(0));
    }
  }

  private static Operand<TFloat32> constant(Ops tf, float[] values, long[] shape) {
    return tf.constant(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  private static float[] random(long[] shape, long seed) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    Random random = new Random(seed);
    float[] values = new float[(int) n];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }
}
