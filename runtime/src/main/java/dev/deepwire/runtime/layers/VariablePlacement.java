package dev.deepwire.runtime.layers;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * Where the runtime creates a variable: the {@link Ops} it builds the variable with, given the variable's
 * name and shape. On one machine that is the ops unchanged; on a cluster it adds a parameter-server device
 * (see {@code dev.deepwire.runtime.distributed}).
 */
@FunctionalInterface
public interface VariablePlacement {

  /** Every variable stays where the session runs. */
  VariablePlacement LOCAL = (ops, name, shape) -> ops;

  /** The ops to create variable {@code name} of {@code shape} with. */
  Ops place(Ops ops, String name, Shape shape);
}
