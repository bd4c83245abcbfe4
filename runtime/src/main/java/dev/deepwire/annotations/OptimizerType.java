package dev.deepwire.annotations;

/** Gradient-descent algorithms, implemented by {@code tensorflow-framework}'s optimizers. */
public enum OptimizerType {
  /** Plain stochastic gradient descent. */
  SGD,
  /** SGD with momentum 0.9. */
  MOMENTUM,
  /** Adam (Kingma and Ba, 2015) with beta1 0.9, beta2 0.999, epsilon 1e-8. */
  ADAM,
  /** RMSProp with decay 0.9. */
  RMSPROP,
  /** AdaGrad. */
  ADAGRAD
}
