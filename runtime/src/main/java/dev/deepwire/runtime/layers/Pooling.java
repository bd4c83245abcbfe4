package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.Padding;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TFloat32;

/**
 * Max or average pooling over 1, 2 or 3 spatial dimensions, chosen by the input's rank (channels last).
 *
 * <p>Input shape {@code [batch, d1, ..., dn, channels]}; output shape {@code [batch, d1', ..., dn', channels]}
 * with {@link Conv#outputSize} (dilation 1). 1D runs as 2D over a height of one.
 *
 * <pre>{@code
 * Operand<TFloat32> p1 = Pooling.max(2).call(scope.child("p1"), c1);
 * }</pre>
 */
public final class Pooling {

  /** What a window reduces to. */
  public enum Kind { MAX, AVG }

  private final Kind kind;
  private final int[] window;
  private final int[] strides;
  private final Padding padding;

  /**
   * A pooling layer.
   *
   * @param strides empty for the window size
   */
  public Pooling(Kind kind, int[] window, int[] strides, Padding padding) {
    this.kind = kind;
    this.window = Spatial.require(kind == Kind.MAX ? "MaxPool" : "AvgPool", "window", window, 1);
    this.strides = strides.length == 0
        ? this.window : Spatial.require(kind == Kind.MAX ? "MaxPool" : "AvgPool", "strides", strides, 1);
    this.padding = padding;
  }

  /** Max pooling with stride = window and VALID padding. */
  public static Pooling max(int... window) {
    return new Pooling(Kind.MAX, window, new int[0], Padding.VALID);
  }

  /** Average pooling with stride = window and VALID padding. */
  public static Pooling avg(int... window) {
    return new Pooling(Kind.AVG, window, new int[0], Padding.VALID);
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    String name = kind == Kind.MAX ? "MaxPool" : "AvgPool";
    int n = Spatial.rank(name, scope, input, 1, 3);
    int[] k = Spatial.perDimension(name, "window", window, n, 1);
    int[] s = Spatial.perDimension(name, "strides", strides, n, 1);
    Ops tf = scope.tf();
    return switch (n) {
      case 1 -> tf.squeeze(pool2d(tf, tf.expandDims(input, tf.constant(1)), Spatial.withLeadingOne(k),
          Spatial.withLeadingOne(s)), Squeeze.axis(1L));
      case 2 -> pool2d(tf, input, k, s);
      default -> kind == Kind.MAX
          ? tf.nn.maxPool3d(input, Spatial.nhwc(k), Spatial.nhwc(s), padding.name())
          : tf.nn.avgPool3d(input, Spatial.nhwc(k), Spatial.nhwc(s), padding.name());
    };
  }

  private Operand<TFloat32> pool2d(Ops tf, Operand<TFloat32> x, int[] k, int[] s) {
    if (kind == Kind.AVG) {
      return tf.nn.avgPool(x, Spatial.nhwc(k), Spatial.nhwc(s), padding.name());
    }
    return MaxPoolOp.create(tf, x, Spatial.nhwc(k), Spatial.nhwc(s), padding.name());
  }
}
