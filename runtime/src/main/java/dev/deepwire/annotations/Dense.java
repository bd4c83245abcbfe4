package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer: {@code activation(input · kernel + bias)}.
 *
 * <p>Input shape: {@code [batch, features]}. Output shape: {@code [batch, units]}. Weights: kernel
 * {@code [features, units]}, bias {@code [units]}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Dense {
  /** The number of output features; must be positive. */
  int units();

  /** The activation applied to the affine map. */
  ActivationFunction activation() default ActivationFunction.LINEAR;

  /** The negative slope of {@link ActivationFunction#LEAKY_RELU}; ignored by the other activations. */
  double alpha() default 0.2;

  /** Whether a bias is added. */
  boolean useBias() default true;

  /** How the kernel is initialised. */
  Initializer kernelInitializer() default Initializer.GLOROT_UNIFORM;

  /** How the bias is initialised. */
  Initializer biasInitializer() default Initializer.ZEROS;

  /** L1 penalty factor on the kernel, added to the loss; must be non-negative. */
  double kernelL1() default 0;

  /** L2 penalty factor on the kernel ({@code l2 * sum(kernel^2)}), added to the loss; non-negative. */
  double kernelL2() default 0;
}
