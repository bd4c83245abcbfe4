package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.Initializer;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A fully connected layer: {@code activation(input · kernel + bias)}.
 *
 * <p>Input shape {@code [batch, features]}; output shape {@code [batch, units]}; weights {@code kernel}
 * {@code [features, units]} and {@code bias} {@code [units]}.
 *
 * <pre>{@code
 * Operand<TFloat32> hidden = Dense.withUnits(256).activation(RELU).build().call(scope.child("hidden"), x);
 * }</pre>
 */
public final class Dense {

  private final int units;
  private final ActivationFunction activation;
  private final double alpha;
  private final boolean useBias;
  private final Initializer kernelInitializer;
  private final Initializer biasInitializer;
  private final double kernelL1;
  private final double kernelL2;

  private Dense(Builder b) {
    this.units = b.units;
    this.activation = b.activation;
    this.alpha = b.alpha;
    this.useBias = b.useBias;
    this.kernelInitializer = b.kernelInitializer;
    this.biasInitializer = b.biasInitializer;
    this.kernelL1 = b.kernelL1;
    this.kernelL2 = b.kernelL2;
  }

  /** Starts a dense layer of {@code units} outputs, linear, with bias, Glorot-uniform kernel. */
  public static Builder withUnits(int units) {
    return new Builder(units);
  }

  /** The output shape for an input shape, batch dimension included. */
  public static long[] outputShape(long[] inputShape, int units) {
    if (inputShape.length != 2) {
      throw new IllegalArgumentException(
          "Dense needs a rank-2 input [batch, features], got rank " + inputShape.length);
    }
    return new long[] {inputShape[0], units};
  }

  /** Builds the layer on {@code input} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    Shape inputShape = input.shape();
    if (inputShape.numDimensions() != 2 || inputShape.isUnknown() || inputShape.get(1) < 0) {
      throw new IllegalArgumentException(
          "Dense '" + scope.path() + "' needs an input [batch, features], got " + inputShape);
    }
    Ops tf = scope.tf();
    Operand<TFloat32> kernel =
        scope.weight("kernel", Shape.of(inputShape.get(1), units), kernelInitializer);
    addPenalties(scope, tf, kernel);
    if (useBias && activation == ActivationFunction.RELU) {
      return FusedBiasRelu.matMul(tf, input, kernel, scope.weight("bias", Shape.of(units), biasInitializer));
    }
    Operand<TFloat32> z = tf.linalg.matMul(input, kernel);
    if (useBias) {
      z = tf.nn.biasAdd(z, scope.weight("bias", Shape.of(units), biasInitializer));
    }
    return Activations.apply(scope, activation, alpha, z);
  }

  private void addPenalties(LayerScope scope, Ops tf, Operand<TFloat32> kernel) {
    Operand<org.tensorflow.types.TInt32> allAxes = tf.constant(new int[] {0, 1});
    if (kernelL1 > 0) {
      scope.addLoss(tf.math.mul(tf.constant((float) kernelL1), tf.sum(tf.math.abs(kernel), allAxes)));
    }
    if (kernelL2 > 0) {
      scope.addLoss(tf.math.mul(tf.constant((float) kernelL2), tf.sum(tf.math.square(kernel), allAxes)));
    }
  }

  /** Collects a dense layer's settings; each has the default of {@code @Dense}. */
  public static final class Builder {
    private final int units;
    private ActivationFunction activation = ActivationFunction.LINEAR;
    private double alpha = 0.2;
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializer.GLOROT_UNIFORM;
    private Initializer biasInitializer = Initializer.ZEROS;
    private double kernelL1;
    private double kernelL2;

    private Builder(int units) {
      if (units < 1) {
        throw new IllegalArgumentException("units must be positive, got " + units);
      }
      this.units = units;
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

    public Builder kernelL1(double factor) {
      this.kernelL1 = requireNonNegative("kernelL1", factor);
      return this;
    }

    public Builder kernelL2(double factor) {
      this.kernelL2 = requireNonNegative("kernelL2", factor);
      return this;
    }

    public Dense build() {
      return new Dense(this);
    }

    private static double requireNonNegative(String name, double value) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must be >= 0, got " + value);
      }
      return value;
    }
  }
}
