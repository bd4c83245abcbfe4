package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A convolution over one, two or three spatial dimensions, chosen by the rank of its input (channels last):
 * {@code activation(conv(input, kernel) + bias)}.
 *
 * <p>Input shape: {@code [batch, steps, channels]} (1D), {@code [batch, height, width, channels]} (2D) or
 * {@code [batch, depth, height, width, channels]} (3D). Output shape: the same rank with each spatial size
 * {@code ceil((in - (kernel - 1) * dilation) / stride)} for {@link Padding#VALID} or {@code ceil(in / stride)}
 * for {@link Padding#SAME}, and {@code filters} channels. Weights: kernel {@code [k1, ..., kn, channels,
 * filters]}, bias {@code [filters]}.
 *
 * <p>{@code kernel}, {@code strides} and {@code dilation} take one value for every spatial dimension
 * ({@code kernel = 3}) or one value per dimension ({@code kernel = {3, 5}}). A {@code [batch, 28, 28]} input is
 * a 1D sequence of 28 steps with 28 channels; give a grey image its channel with {@code @Reshape({28, 28, 1})}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Conv {
  /** The number of output channels; must be positive. */
  int filters();

  /** The window size, one value or one per spatial dimension; each must be positive. */
  int[] kernel();

  /** The step between windows, one value or one per spatial dimension; each must be positive. */
  int[] strides() default 1;

  /** How borders are treated. */
  Padding padding() default Padding.VALID;

  /** The spacing between kernel taps (atrous convolution), one value or one per dimension; positive. */
  int[] dilation() default 1;

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
