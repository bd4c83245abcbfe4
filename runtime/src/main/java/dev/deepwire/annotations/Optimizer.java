package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The optimizer of a {@link Model}: its algorithm and learning rate. */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Optimizer {
  /** The algorithm. */
  OptimizerType value() default OptimizerType.ADAM;

  /** The step size; must be positive. Schedules ({@code FitOptions.learningRate}) scale it per step. */
  double learningRate() default 1e-3;

  /** MOMENTUM's momentum, in [0, 1). */
  double momentum() default 0.9;

  /** MOMENTUM: Nesterov's look-ahead variant. */
  boolean nesterov() default false;

  /** ADAM/ADAMW: decay of the first-moment estimate, in [0, 1). */
  double beta1() default 0.9;

  /** ADAM/ADAMW: decay of the second-moment estimate, in [0, 1). */
  double beta2() default 0.999;

  /** ADAM/ADAMW/RMSPROP: the small constant that keeps divisions finite; positive. */
  double epsilon() default 1e-7;

  /** RMSPROP: decay of the squared-gradient average, in [0, 1). */
  double rho() default 0.9;

  /** ADAMW: decoupled weight decay per step ({@code w -= lr * weightDecay * w}); non-negative. */
  double weightDecay() default 0.01;

  /** Rescales all gradients together when their global L2 norm exceeds this; 0 = off. */
  double clipNorm() default 0;

  /** Clips each gradient element to [-clipValue, clipValue]; 0 = off. */
  double clipValue() default 0;
}
