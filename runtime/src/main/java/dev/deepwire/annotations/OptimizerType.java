package dev.deepwire.annotations;

/** Gradient-descent algorithms, built from TensorFlow's fused {@code Apply*} ops. */
public enum OptimizerType {
  /** Plain stochastic gradient descent. */
  SGD,
  /** SGD with momentum ({@link Optimizer#momentum()}, optionally Nesterov's). */
  MOMENTUM,
  /** Adam (Kingma and Ba, 2015): {@link Optimizer#beta1()}, {@link Optimizer#beta2()}, epsilon. */
  ADAM,
  /** Adam with decoupled weight decay (Loshchilov and Hutter, 2019): {@link Optimizer#weightDecay()}. */
  ADAMW,
  /** RMSProp: {@link Optimizer#rho()}, epsilon. */
  RMSPROP,
  /** AdaGrad. */
  ADAGRAD
}
