package dev.deepwire.runtime.distributed;

import dev.deepwire.runtime.layers.VariablePlacement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * Places each variable on one parameter-server task, the way {@code tf.train.replica_device_setter} does:
 * round-robin in creation order, or by size (each variable to the task holding the fewest values so far,
 * which balances a model whose first kernel dwarfs the rest). Every worker builds the same graph, so every
 * worker computes the same placement.
 *
 * <p>Only the variables themselves are placed. Ops that consume a variable by reference (its initial
 * assignment, optimizer updates, optimizer slots) follow it, because TensorFlow's placer colocates
 * reference edges; the forward and backward passes carry no device and run on the worker.
 */
public final class ParameterServerPlacement implements VariablePlacement {

  /** How variables are spread over the parameter servers. */
  public enum Strategy { ROUND_ROBIN, BY_SIZE }

  private final long[] load;
  private final Strategy strategy;
  private final Map<String, Integer> tasks = new LinkedHashMap<>();

  public ParameterServerPlacement(int parameterServers, Strategy strategy) {
    this.load = new long[parameterServers];
    this.strategy = strategy;
  }

  @Override
  public Ops place(Ops ops, String name, Shape shape) {
    return ops.withDevice(TaskId.ps(assign(name, shape)).device());
  }

  /** The ps task of variable {@code name}, choosing one on first sight. */
  public int assign(String name, Shape shape) {
    return tasks.computeIfAbsent(name, n -> {
      int task = strategy == Strategy.ROUND_ROBIN ? tasks.size() % load.length : leastLoaded();
      load[task] += Math.max(1, shape.size());
      return task;
    });
  }

  /** The ps task of each variable placed so far, by name. */
  public Map<String, Integer> tasks() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
  }

  /** Values held by each ps task. */
  public long[] load() {
    return load.clone();
  }

  private int leastLoaded() {
    int best = 0;
    for (int i = 1; i < load.length; i++) {
      if (load[i] < load[best]) {
        best = i;
      }
    }
    return best;
  }
}
