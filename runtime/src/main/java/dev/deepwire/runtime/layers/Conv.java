package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.Initializer;
import dev.deepwire.annotations.Padding;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.Conv3d;
import org.tensorflow.types.TFloat32;

/**
 * A channels-last convolution over 1, 2 or 3 spatial dimensions, chosen by the input's rank:
 * {@code activation(conv(input, kernel) + bias)}.
 *
 * <p>Input shape {@code [batch, d1, ..., dn, channels]} with {@code n} in 1..3; output shape
 * {@code [batch, d1', ..., dn', filters]} ({@link #outputSize}); weights {@code kernel}
 * {@code [k1, ..., kn, channels, filters]} and {@code bias} {@code [filters]}. 1D runs as 2D over a height of
 * one; 3D uses a Java-registered gradient ({@link Conv3dGradient}).
 *
 * <pre>{@code
 * Operand<TFloat32> c1 = Conv.withFilters(32).kernel(3).activation(RELU).build().call(scope.child("c1"), x);
 * }</pre>
 */
public final class Conv {

  private final int filters;
  private final int[] kernel;
  private final int[] strides;
  private final int[] dilation;
  private final Padding padding;
  private final ActivationFunction activation;
  private final double alpha;
  private final boolean useBias;
  private final Initializer kernelInitializer;
  private final Initializer biasInitializer;

  private Conv(Builder b) {
    this.filters = b.filters;
    this.kernel = b.kernel;
    this.strides = b.strides;
    this.dilation = b.dilation;
    this.padding = b.padding;
    this.activation = b.activation;
    this.alpha = b.alpha;
    this.useBias = b.useBias;
    this.kernelInitializer = b.kernelInitializer;
    this.biasInitializer = b.biasInitializer;
  }

  /** Starts a convolution of {@code filters} output channels: kernel 3, stride 1, VALID, linear, with bias. */
  public static Builder withFilters(int filters) {
    return new Builder(filters);
  }

  /** The output size of one spatial dimension of {@code in} elements. */
  public static int outputSize(int in, int kernel, int stride, int dilation, Padding padding) {
    int span = padding == Padding.SAME ? in : in - (kernel - 1) * dilation;
    return span <= 0 ? 0 : (span + stride - 1) / stride;
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    int n = Spatial.rank("Conv", scope, input, 1, 3);
    int[] k = Spatial.perDimension("Conv", "kernel", kernel, n, 1);
    int[] s = Spatial.perDimension("Conv", "strides", strides, n, 1);
    int[] d = Spatial.perDimension("Conv", "dilation", dilation, n, 1);
    Shape inShape = input.shape();
    long channels = inShape.get(n + 1);
    long[] kernelShape = new long[n + 2];
    for (int i = 0; i < n; i++) {
      kernelShape[i] = k[i];
    }
    kernelShape[n] = channels;
    kernelShape[n + 1] = filters;
    Ops tf = scope.tf();
    Operand<TFloat32> w = scope.weight("kernel", Shape.of(kernelShape), kernelInitializer);
    if (java.util.Arrays.stream(d).anyMatch(rate -> rate > 1)) {
      // TF's C++ Conv2D gradient ignores dilations, so dilate the kernel itself (zeros between taps).
      w = dilate(tf, w, k, d, kernelShape);
      d = new int[n];
      java.util.Arrays.fill(d, 1);
    }
    if (n == 2 && useBias && activation == ActivationFunction.RELU) {
      return FusedBiasRelu.conv2d(tf, input, w, scope.weight("bias", Shape.of(filters), biasInitializer),
          Spatial.nhwc(s), padding.name());
    }
    Operand<TFloat32> z = switch (n) {
      case 1 -> tf.squeeze(conv2d(tf, tf.expandDims(input, tf.constant(1)), tf.expandDims(w, tf.constant(0)),
          Spatial.withLeadingOne(s), Spatial.withLeadingOne(d)), Squeeze.axis(1L));
      case 2 -> conv2d(tf, input, w, s, d);
      default -> conv3d(tf, input, w, s, d);
    };
    if (useBias) {
      z = tf.nn.biasAdd(z, scope.weight("bias", Shape.of(filters), biasInitializer));
    }
    return Activations.apply(scope, activation, alpha, z);
  }

  /**
   * {@code [k1, ..., kn, c, f]} with {@code d - 1} zeros between taps: {@code [(k1 - 1) d1 + 1, ..., c, f]}. One
   * spatial axis at a time, each as a rank-4 pad (TF's Pad kernel takes at most rank 6).
   */
  private static Operand<TFloat32> dilate(Ops tf, Operand<TFloat32> w, int[] k, int[] d, long[] kernelShape) {
    long[] shape = kernelShape.clone();
    Operand<TFloat32> out = w;
    for (int i = 0; i < k.length; i++) {
      if (d[i] == 1) {
        continue;
      }
      long before = product(shape, 0, i);
      long after = product(shape, i + 1, shape.length);
      // [before, k, 1, after] padded to [before, k, d, after] = [before, k d, after]: d - 1 zeros after each tap.
      Operand<TFloat32> spaced = tf.pad(tf.reshape(out, tf.constant(new long[] {before, k[i], 1, after})),
          tf.constant(new int[][] {{0, 0}, {0, 0}, {0, d[i] - 1}, {0, 0}}), tf.constant(0f));
      int taps = (k[i] - 1) * d[i] + 1;
      // int32 begin and size: the Slice gradient mixes them with int32 shapes.
      Operand<TFloat32> trimmed = tf.slice(tf.reshape(spaced, tf.constant(new long[] {before, (long) k[i] * d[i],
          after})), tf.constant(new int[3]), tf.constant(new int[] {(int) before, taps, (int) after}));
      shape[i] = taps;
      out = tf.reshape(trimmed, tf.constant(shape));
    }
    return out;
  }

  private static long product(long[] dims, int from, int to) {
    long p = 1;
    for (int i = from; i < to; i++) {
      p *= dims[i];
    }
    return p;
  }

  private Operand<TFloat32> conv2d(Ops tf, Operand<TFloat32> x, Operand<TFloat32> w, int[] s, int[] d) {
    return tf.nn.conv2d(x, w, Spatial.nhwc(s), padding.name(), Conv2d.dilations(Spatial.nhwc(d)));
  }

  private Operand<TFloat32> conv3d(Ops tf, Operand<TFloat32> x, Operand<TFloat32> w, int[] s, int[] d) {
    Conv3dGradient.register();
    return tf.nn.conv3d(x, w, Spatial.nhwc(s), padding.name(), Conv3d.dilations(Spatial.nhwc(d)));
  }

  /** Collects a convolution's settings; each has the default of {@code @Conv}. */
  public static final class Builder {
    private final int filters;
    private int[] kernel = {3};
    private int[] strides = {1};
    private int[] dilation = {1};
    private Padding padding = Padding.VALID;
    private ActivationFunction activation = ActivationFunction.LINEAR;
    private double alpha = 0.2;
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializer.GLOROT_UNIFORM;
    private Initializer biasInitializer = Initializer.ZEROS;

    private Builder(int filters) {
      if (filters < 1) {
        throw new IllegalArgumentException("filters must be positive, got " + filters);
      }
      this.filters = filters;
    }

    /** One size for every spatial dimension, or one per dimension. */
    public Builder kernel(int... sizes) {
      this.kernel = Spatial.require("Conv", "kernel", sizes, 1);
      return this;
    }

    public Builder strides(int... steps) {
      this.strides = Spatial.require("Conv", "strides", steps, 1);
      return this;
    }

    public Builder dilation(int... rates) {
      this.dilation = Spatial.require("Conv", "dilation", rates, 1);
      return this;
    }

    public Builder padding(Padding borders) {
      this.padding = borders;
      return this;
    }

    public Builder activation(ActivationFunction fn) {
      this.activation = fn;
      return this;
    }

    public Builder alpha(double slope) {
      this.alpha = slope;
      return this;
    }

    public Builder useBias(boolean bias) {
      this.useBias = bias;
      return this;
    }

    public Builder kernelInitializer(Initializer init) {
      this.kernelInitializer = init;
      return this;
    }

    public Builder biasInitializer(Initializer init) {
      this.biasInitializer = init;
      return this;
    }

    public Conv build() {
      return new Conv(this);
    }
  }
}
