package dev.deepwire.runtime.training;

import dev.deepwire.annotations.OptimizerType;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Builds one optimizer step from TensorFlow's fused {@code Apply*} ops, with the learning rate an operand
 * (a placeholder with a default), so schedules can change it per step.
 *
 * <p>Why not {@code tensorflow-framework}'s optimizers: in 1.1.0 they hold the learning rate as a graph
 * constant, and their {@code minimize} differentiates every variable in the graph (optimizer slots
 * included), which breaks training a chosen subset. Here gradients are taken for the model's own weights
 * only, and slots are named {@code <weight>-<slot>} next to them.
 */
public final class Optimizers {

  private static final float MOMENTUM = 0.9f;
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float ADAM_EPSILON = 1e-8f;
  private static final float RMS_DECAY = 0.9f;
  private static final float RMS_EPSILON = 1e-7f;
  private static final float ADAGRAD_INITIAL = 0.1f;

  private Optimizers() {}

  /**
   * The op that applies one step of {@code type} to {@code weights}, descending {@code loss}.
   *
   * @param learningRate a float scalar, fed per step by schedules
   */
  public static Op minimize(Graph graph, OptimizerType type, Operand<TFloat32> learningRate,
      Operand<TFloat32> loss, List<Variable<TFloat32>> weights) {
    Ops tf = Ops.create(graph);
    Output<?>[] targets = weights.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
    Output<?>[] rawGradients = graph.addGradients(loss.asOutput(), targets);
    // Weights are read through Identity, which aliases the variable's buffer. An update that ran while
    // back-propagation still read the old weights (dX = dY·Wᵀ) would race, so every update waits for
    // every gradient.
    List<Op> gradients = new ArrayList<>();
    for (Output<?> gradient : rawGradients) {
      gradients.add(tf.identity(gradient));
    }
    Ops step = tf.withSubScope("train").withControlDependencies(gradients);
    List<Op> updates = new ArrayList<>();
    Variable<TFloat32> beta1Power = null;
    Variable<TFloat32> beta2Power = null;
    if (type == OptimizerType.ADAM) {
      beta1Power = tf.withName("adam-beta1_power").variable(tf.constant(BETA1));
      beta2Power = tf.withName("adam-beta2_power").variable(tf.constant(BETA2));
    }
    for (int i = 0; i < weights.size(); i++) {
      Variable<TFloat32> weight = weights.get(i);
      @SuppressWarnings("unchecked")
      Operand<TFloat32> gradient = (Operand<TFloat32>) gradients.get(i);
      updates.add(switch (type) {
        case SGD -> step.train.applyGradientDescent(weight, learningRate, gradient);
        case MOMENTUM -> step.train.applyMomentum(
            weight, slot(tf, weight, "momentum", 0f), learningRate, gradient, tf.constant(MOMENTUM));
        case ADAM -> step.train.applyAdam(weight, slot(tf, weight, "m", 0f), slot(tf, weight, "v", 0f),
            beta1Power, beta2Power, learningRate, tf.constant(BETA1), tf.constant(BETA2),
            tf.constant(ADAM_EPSILON), gradient);
        case RMSPROP -> step.train.applyRmsProp(weight, slot(tf, weight, "rms", 0f),
            slot(tf, weight, "momentum", 0f), learningRate, tf.constant(RMS_DECAY), tf.constant(0f),
            tf.constant(RMS_EPSILON), gradient);
        case ADAGRAD -> step.train.applyAdagrad(
            weight, slot(tf, weight, "accumulator", ADAGRAD_INITIAL), learningRate, gradient);
      });
    }
    if (type != OptimizerType.ADAM) {
      return step.withControlDependencies(updates).noOp();
    }
    // Adam's bias corrections: advance beta^t once every weight has used this step's value.
    Ops after = step.withControlDependencies(updates);
    Op advance1 = after.assign(beta1Power, after.math.mul(tf.identity(beta1Power), tf.constant(BETA1)));
    Op advance2 = after.assign(beta2Power, after.math.mul(tf.identity(beta2Power), tf.constant(BETA2)));
    return step.withControlDependencies(List.of(advance1, advance2)).noOp();
  }

  /** A per-weight optimizer variable, same shape as the weight, filled with {@code initial}. */
  private static Variable<TFloat32> slot(Ops tf, Variable<TFloat32> weight, String name, float initial) {
    Shape shape = weight.shape();
    return tf.withName(weight.op().name() + "-" + name)
        .variable(tf.fill(tf.constant(shape.asArray()), tf.constant(initial)));
  }
}
