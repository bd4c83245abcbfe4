package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.Initializer;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Adds a position signal to a sequence {@code [batch, T, d]}, since attention by itself ignores order.
 * {@link Kind#SINUSOIDAL} adds the fixed signal of Vaswani et al. (2017), {@code P[t, 2i] = sin(t / 10000^(2i/d))},
 * {@code P[t, 2i+1] = cos(...)}; {@link Kind#LEARNED} adds a trained table {@code positions [T, d]} (BERT).
 * A mask recorded on the input is kept on the output.
 */
public final class PositionalEmbedding {

  /** Where the position vectors come from. */
  public enum Kind {
    LEARNED,
    SINUSOIDAL
  }

  private final Kind kind;

  public PositionalEmbedding(Kind kind) {
    this.kind = kind;
  }

  /** {@code input} plus the position vectors of its steps. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    Shape shape = input.shape();
    if (shape.numDimensions() != 3 || shape.get(1) < 1 || shape.get(2) < 1) {
      throw new IllegalArgumentException("positional embedding '" + scope.path() + "' needs an input [batch,"
          + " time, features] with known time and features, got " + shape);
    }
    Ops tf = scope.tf();
    int time = (int) shape.get(1);
    int features = (int) shape.get(2);
    Operand<TFloat32> positions = kind == Kind.LEARNED
        ? scope.weight("positions", Shape.of(time, features), Initializer.GLOROT_UNIFORM)
        : tf.constant(sinusoid(time, features));
    Operand<TFloat32> out = tf.math.add(input, positions);
    scope.maskOf(input).ifPresent(mask -> scope.recordMask(out, mask));
    return out;
  }

  /** The fixed signal {@code [time, features]}. */
  public static float[][] sinusoid(int time, int features) {
    float[][] p = new float[time][features];
    for (int t = 0; t < time; t++) {
      for (int i = 0; i < features; i++) {
        double angle = t / Math.pow(10000, (double) (i - i % 2) / features);
        p[t][i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
      }
    }
    return p;
  }
}
