package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.Initializer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * The Elman step {@code h' = activation(x · kernel + h · recurrentKernel + bias)} (Keras' {@code SimpleRNNCell}).
 *
 * <p>Weights: {@code kernel [features, units]} (Glorot uniform), {@code recurrentKernel [units, units]}
 * (orthogonal), {@code bias [units]} (zeros).
 */
public final class SimpleRnnCell implements RecurrentCell {

  private final int units;
  private final ActivationFunction activation;
  private final boolean useBias;

  /** A cell of {@code units} with {@code activation} (Keras' default is TANH). */
  public SimpleRnnCell(int units, ActivationFunction activation, boolean useBias) {
    this.units = Recurrent.requirePositive("units", units);
    this.activation = activation;
    this.useBias = useBias;
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
    Operand<TFloat32> kernel = scope.weight("kernel", Shape.of(features, units), Initializer.GLOROT_UNIFORM);
    Operand<TFloat32> recurrent =
        scope.weight("recurrentKernel", Shape.of(units, units), RecurrentInit.orthogonal(units, units));
    Operand<TFloat32> bias = useBias ? scope.weight("bias", Shape.of(units), Initializer.ZEROS) : null;
    return (tf, x, states) -> {
      Operand<TFloat32> z = tf.math.add(tf.linalg.matMul(x, kernel), tf.linalg.matMul(states.get(0), recurrent));
      if (bias != null) {
        z = tf.nn.biasAdd(z, bias);
      }
      return List.of(Activations.apply(tf, activation, 0.2, z));
    };
  }
}
