package dev.deepwire.annotations;

/** Element-wise activation functions, applied by {@link Dense} and {@link Activation}. */
public enum ActivationFunction {
  /** {@code f(x) = x}. */
  LINEAR,
  /** {@code f(x) = max(0, x)}. */
  RELU,
  /** {@code f(x) = x} for {@code x >= 0}, {@code alpha * x} below; {@code alpha} is set on the layer. */
  LEAKY_RELU,
  /** {@code f(x) = 1 / (1 + e^-x)}. */
  SIGMOID,
  /** {@code f(x) = tanh(x)}. */
  TANH,
  /** {@code f(x)_i = e^x_i / sum_j e^x_j} over the last axis. */
  SOFTMAX,
  /** {@code f(x) = x} for {@code x > 0}, {@code e^x - 1} below. */
  ELU,
  /** Scaled ELU with the self-normalising constants of Klambauer et al. (2017). */
  SELU,
  /** {@code f(x) = x * Phi(x)}, Phi the standard normal CDF (exact erf form). */
  GELU,
  /** {@code f(x) = x * sigmoid(x)}. */
  SWISH,
  /** {@code f(x) = ln(1 + e^x)}. */
  SOFTPLUS
}
