package dev.deepwire.runtime.layers;

import static dev.deepwire.runtime.layers.LstmCell.act;
import static dev.deepwire.runtime.layers.LstmCell.split;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.Initializer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One GRU step with Keras' semantics and gate order {@code z, r, h} (Keras' {@code GRUCell}).
 *
 * <pre>
 * resetAfter (default, cuDNN-compatible):         resetAfter = false (the original GRU):
 *   xz, xr, xh = x · kernel + bias[0]               xz, xr, xh = x · kernel + bias
 *   hz, hr, hh = h · recurrentKernel + bias[1]      z = σ(xz + h · Uz)   r = σ(xr + h · Ur)
 *   z = σ(xz + hz)   r = σ(xr + hr)                 h~ = act(xh + (r ⊙ h) · Uh)
 *   h~ = act(xh + r ⊙ hh)
 * h' = z ⊙ h + (1 − z) ⊙ h~
 * </pre>
 *
 * <p>Weights: {@code kernel [features, 3 units]}, {@code recurrentKernel [units, 3 units]} (orthogonal),
 * {@code bias [2, 3 units]} with resetAfter or {@code [3 units]} without (zeros).
 */
public final class GruCell implements RecurrentCell {

  private final int units;
  private final ActivationFunction activation;
  private final ActivationFunction recurrentActivation;
  private final boolean useBias;
  private final boolean resetAfter;

  /** A Keras-default GRU cell: tanh, sigmoid gates, bias, reset after the recurrent product. */
  public GruCell(int units) {
    this(units, ActivationFunction.TANH, ActivationFunction.SIGMOID, true, true);
  }

  /** A GRU cell with the given activations and bias settings. */
  public GruCell(int units, ActivationFunction activation, ActivationFunction recurrentActivation, boolean useBias,
      boolean resetAfter) {
    this.units = Recurrent.requirePositive("units", units);
    this.activation = activation;
    this.recurrentActivation = recurrentActivation;
    this.useBias = useBias;
    this.resetAfter = resetAfter;
  }

  @Override
  public int units() {
    return units;
  }

  @Override
  public int stateCount() {
    return 1;
  }

  @Override
  public Step build(LayerScope scope, long features) {
    Operand<TFloat32> kernel = scope.weight("kernel", Shape.of(features, 3L * units), Initializer.GLOROT_UNIFORM);
    Operand<TFloat32> recurrent =
        scope.weight("recurrentKernel", Shape.of(units, 3L * units), RecurrentInit.orthogonal(units, 3L * units));
    Shape biasShape = resetAfter ? Shape.of(2, 3L * units) : Shape.of(3L * units);
    Operand<TFloat32> bias = useBias ? scope.weight("bias", biasShape, RecurrentInit.zeros(biasShape)) : null;
    return resetAfter ? resetAfterStep(kernel, recurrent, bias) : resetBeforeStep(kernel, recurrent, bias);
  }

  private Step resetAfterStep(Operand<TFloat32> kernel, Operand<TFloat32> recurrent, Operand<TFloat32> bias) {
    return (tf, x, states) -> {
      Operand<TFloat32> h = states.get(0);
      Operand<TFloat32> mx = tf.linalg.matMul(x, kernel);
      Operand<TFloat32> mh = tf.linalg.matMul(h, recurrent);
      if (bias != null) {
        List<Operand<TFloat32>> rows = List.copyOf(tf.unstack(bias, 2L).output());
        mx = tf.nn.biasAdd(mx, rows.get(0));
        mh = tf.nn.biasAdd(mh, rows.get(1));
      }
      List<Operand<TFloat32>> xs = split(tf, mx, 3);
      List<Operand<TFloat32>> hs = split(tf, mh, 3);
      Operand<TFloat32> z = act(tf, recurrentActivation, tf.math.add(xs.get(0), hs.get(0)));
      Operand<TFloat32> r = act(tf, recurrentActivation, tf.math.add(xs.get(1), hs.get(1)));
      Operand<TFloat32> candidate = act(tf, activation, tf.math.add(xs.get(2), tf.math.mul(r, hs.get(2))));
      return List.of(blend(tf, z, h, candidate));
    };
  }

  private Step resetBeforeStep(Operand<TFloat32> kernel, Operand<TFloat32> recurrent, Operand<TFloat32> bias) {
    return (tf, x, states) -> {
      Operand<TFloat32> h = states.get(0);
      Operand<TFloat32> mx = tf.linalg.matMul(x, kernel);
      if (bias != null) {
        mx = tf.nn.biasAdd(mx, bias);
      }
      List<Operand<TFloat32>> xs = split(tf, mx, 3);
      List<Operand<TFloat32>> us = split(tf, recurrent, 3);
      Operand<TFloat32> z = act(tf, recurrentActivation, tf.math.add(xs.get(0), tf.linalg.matMul(h, us.get(0))));
      Operand<TFloat32> r = act(tf, recurrentActivation, tf.math.add(xs.get(1), tf.linalg.matMul(h, us.get(1))));
      Operand<TFloat32> candidate =
          act(tf, activation, tf.math.add(xs.get(2), tf.linalg.matMul(tf.math.mul(r, h), us.get(2))));
      return List.of(blend(tf, z, h, candidate));
    };
  }

  /** {@code z ⊙ h + (1 − z) ⊙ candidate}. */
  private static Operand<TFloat32> blend(Ops tf, Operand<TFloat32> z, Operand<TFloat32> h,
      Operand<TFloat32> candidate) {
    return tf.math.add(tf.math.mul(z, h), tf.math.mul(tf.math.sub(tf.constant(1f), z), candidate));
  }
}
