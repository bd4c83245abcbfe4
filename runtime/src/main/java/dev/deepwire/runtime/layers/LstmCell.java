package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.Initializer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One LSTM step with Keras' gate order {@code i, f, c, o} (Keras' {@code LSTMCell}).
 *
 * <pre>
 * z  = x · kernel + h · recurrentKernel + bias          split into zi, zf, zc, zo (each [batch, units])
 * i  = σ(zi)   f = σ(zf)   o = σ(zo)                     σ = recurrent activation (sigmoid)
 * c' = f ⊙ c + i ⊙ act(zc)                               act = activation (tanh)
 * h' = o ⊙ act(c')
 * </pre>
 *
 * <p>Weights: {@code kernel [features, 4 units]} (Glorot uniform), {@code recurrentKernel [units, 4 units]}
 * (orthogonal), {@code bias [4 units]} (zeros, ones on the forget gate when {@code unitForgetBias}).
 */
public final class LstmCell implements RecurrentCell {

  private final int units;
  private final ActivationFunction activation;
  private final ActivationFunction recurrentActivation;
  private final boolean useBias;
  private final boolean unitForgetBias;

  /** A Keras-default LSTM cell: tanh, sigmoid gates, bias with unit forget bias. */
  public LstmCell(int units) {
    this(units, ActivationFunction.TANH, ActivationFunction.SIGMOID, true, true);
  }

  /** An LSTM cell with the given activations and bias settings. */
  public LstmCell(int units, ActivationFunction activation, ActivationFunction recurrentActivation, boolean useBias,
      boolean unitForgetBias) {
    this.units = Recurrent.requirePositive("units", units);
    this.activation = activation;
    this.recurrentActivation = recurrentActivation;
    this.useBias = useBias;
    this.unitForgetBias = unitForgetBias;
  }

  @Override
  public int units() {
    return units;
  }

  @Override
  public int stateCount() {
    return 2;
  }

  @Override
  public Step build(LayerScope scope, long features) {
    Operand<TFloat32> kernel = scope.weight("kernel", Shape.of(features, 4L * units), Initializer.GLOROT_UNIFORM);
    Operand<TFloat32> recurrent =
        scope.weight("recurrentKernel", Shape.of(units, 4L * units), RecurrentInit.orthogonal(units, 4L * units));
    Operand<TFloat32> bias = !useBias ? null : scope.weight("bias", Shape.of(4L * units),
        unitForgetBias ? RecurrentInit.unitForgetBias(units) : RecurrentInit.zeros(Shape.of(4L * units)));
    return (tf, x, states) -> {
      Operand<TFloat32> z = tf.math.add(tf.linalg.matMul(x, kernel), tf.linalg.matMul(states.get(0), recurrent));
      if (bias != null) {
        z = tf.nn.biasAdd(z, bias);
      }
      List<Operand<TFloat32>> gates = split(tf, z, 4);
      Operand<TFloat32> i = act(tf, recurrentActivation, gates.get(0));
      Operand<TFloat32> f = act(tf, recurrentActivation, gates.get(1));
      Operand<TFloat32> g = act(tf, activation, gates.get(2));
      Operand<TFloat32> o = act(tf, recurrentActivation, gates.get(3));
      Operand<TFloat32> c = tf.math.add(tf.math.mul(f, states.get(1)), tf.math.mul(i, g));
      Operand<TFloat32> h = tf.math.mul(o, act(tf, activation, c));
      return List.of(h, c);
    };
  }

  /** Splits the last axis of {@code z} into {@code n} equal blocks. */
  static List<Operand<TFloat32>> split(Ops tf, Operand<TFloat32> z, int n) {
    return List.copyOf(tf.split(tf.constant(1), z, (long) n).output());
  }

  static Operand<TFloat32> act(Ops tf, ActivationFunction fn, Operand<TFloat32> x) {
    return Activations.apply(tf, fn, 0.2, x);
  }
}
