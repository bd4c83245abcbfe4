package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.Initializer;
import dev.deepwire.annotations.Padding;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A transposed 2D convolution, channels last: {@code activation(convTranspose(input, kernel) + bias)}.
 *
 * <p>Input shape {@code [batch, h, w, channels]}; output shape {@code [batch, h', w', filters]} with
 * {@link #outputSize}; weights {@code kernel} {@code [kh, kw, filters, channels]} and {@code bias}
 * {@code [filters]}. Built from {@code Conv2DBackpropInput}, whose gradient TensorFlow provides.
 */
public final class ConvTranspose {

  private final int filters;
  private final int[] kernel;
  private final int[] strides;
  private final Padding padding;
  private final ActivationFunction activation;
  private final double alpha;
  private final boolean useBias;
  private final Initializer kernelInitializer;
  private final Initializer biasInitializer;

  private ConvTranspose(Builder b) {
    this.filters = b.filters;
    this.kernel = b.kernel;
    this.strides = b.strides;
    this.padding = b.padding;
    this.activation = b.activation;
    this.alpha = b.alpha;
    this.useBias = b.useBias;
    this.kernelInitializer = b.kernelInitializer;
    this.biasInitializer = b.biasInitializer;
  }

  /** Starts a transposed convolution of {@code filters} channels: kernel 3, stride 1, VALID, linear, bias. */
  public static Builder withFilters(int filters) {
    return new Builder(filters);
  }

  /** The output size of one spatial dimension of {@code in} elements (as Keras computes it). */
  public static int outputSize(int in, int kernel, int stride, Padding padding) {
    return padding == Padding.SAME ? in * stride : in * stride + Math.max(kernel - stride, 0);
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    Spatial.rank("ConvTranspose", scope, input, 2, 2);
    int[] k = Spatial.perDimension("ConvTranspose", "kernel", kernel, 2, 1);
    int[] s = Spatial.perDimension("ConvTranspose", "strides", strides, 2, 1);
    Shape in = input.shape();
    int h = outputSize((int) in.get(1), k[0], s[0], padding);
    int w = outputSize((int) in.get(2), k[1], s[1], padding);
    Ops tf = scope.tf();
    Operand<TFloat32> kernelWeight =
        scope.weight("kernel", Shape.of(k[0], k[1], filters, in.get(3)), kernelInitializer);
    Operand<TInt32> batch = tf.slice(tf.shape(input), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TInt32> outShape = tf.concat(List.of(batch, tf.constant(new int[] {h, w, filters})), tf.constant(0));
    Operand<TFloat32> z = tf.nn.conv2dBackpropInput(outShape, kernelWeight, input, Spatial.nhwc(s), padding.name());
    z = tf.reshape(z, tf.constant(new long[] {-1, h, w, filters}));
    if (useBias) {
      z = tf.nn.biasAdd(z, scope.weight("bias", Shape.of(filters), biasInitializer));
    }
    return Activations.apply(scope, activation, alpha, z);
  }

  /** Collects a transposed convolution's settings; each has the default of {@code @ConvTranspose}. */
  public static final class Builder {
    private final int filters;
    private int[] kernel = {3};
    private int[] strides = {1};
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

    public Builder kernel(int... sizes) {
      this.kernel = Spatial.require("ConvTranspose", "kernel", sizes, 1);
      return this;
    }

    public Builder strides(int... steps) {
      this.strides = Spatial.require("ConvTranspose", "strides", steps, 1);
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

    public ConvTranspose build() {
      return new ConvTranspose(this);
    }
  }
}
