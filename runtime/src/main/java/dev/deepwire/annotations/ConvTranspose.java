package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A transposed 2D convolution (the gradient of a convolution), which upsamples by its strides:
 * {@code activation(convTranspose(input, kernel) + bias)}.
 *
 * <p>Input shape: {@code [batch, height, width, channels]}. Output shape: {@code [batch, height', width',
 * filters]} with {@code size' = size * stride} for {@link Padding#SAME} and {@code (size - 1) * stride + kernel}
 * for {@link Padding#VALID}. Weights: kernel {@code [kh, kw, filters, channels]}, bias {@code [filters]}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface ConvTranspose {
  /** The number of output channels; must be positive. */
  int filters();

  /** The window size, one value or {@code {height, width}}; each must be positive. */
  int[] kernel();

  /** The upsampling step, one value or {@code {height, width}}; each must be positive. */
  int[] strides() default 1;

  /** How borders are treated. */
  Padding padding() default Padding.VALID;

  /** The activation applied after the bias. */
  ActivationFunction activation() default ActivationFunction.LINEAR;

  /** The negative slope of {@link ActivationFunction#LEAKY_RELU}; ignored by the other activations. */
  double alpha() default 0.2;

  /** Whether a bias is added. */
  boolean useBias() default true;

  /** How the kernel is initialised. */
  Initializer kernelInitializer() default Initializer.GLOROT_UNIFORM;

  /** How the bias is initialised. */
  Initializer biasInitializer() default Initializer.ZEROS;
}
