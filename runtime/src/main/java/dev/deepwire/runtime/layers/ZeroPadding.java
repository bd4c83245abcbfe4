package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Pads each spatial dimension with zeros on both sides.
 *
 * <p>Input shape {@code [batch, d1, ..., dn, channels]}; output shape {@code [batch, d1 + 2 p1, ..., dn + 2 pn,
 * channels]}.
 */
public final class ZeroPadding {

  private final int[] padding;

  /** @param padding one amount for every spatial dimension, or one per dimension; non-negative */
  public ZeroPadding(int... padding) {
    this.padding = Spatial.require("ZeroPadding", "padding", padding, 0);
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    int n = Spatial.rank("ZeroPadding", scope, input, 1, 4); // TF's Pad kernel: rank <= 6
    int[] p = Spatial.perDimension("ZeroPadding", "padding", padding, n, 0);
    int[][] pairs = new int[n + 2][2];
    for (int i = 0; i < n; i++) {
      pairs[i + 1][0] = p[i];
      pairs[i + 1][1] = p[i];
    }
    return scope.tf().pad(input, scope.tf().constant(pairs), scope.tf().constant(0f));
  }
}
