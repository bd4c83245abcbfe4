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

  /** The step size; must be positive. */
  double learningRate() default 1e-3;
}
