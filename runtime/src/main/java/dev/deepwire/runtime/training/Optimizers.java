package dev.deepwire.runtime.training;

import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.runtime.OptimizerSettings;
import dev.deepwire.runtime.layers.VariablePlacement;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;

/**
 * Builds one optimizer step from TensorFlow's fused {@code Apply*} ops, with the learning rate an operand
 * (a placeholder with a default), so schedules can change it per step.
 *
 * <p>Why not {@code tensorflow-framework}'s optimizers: in 1.1.0 they hold the learning rate as a graph
 * constant, and their {@code minimize} differentiates every variable in the graph (optimizer slots
 * included), which breaks training a chosen subset. Here gradients are taken for the model's own weights
 * only, optionally clipped, and slots are named {@code <weight>-<slot>} next to them.
 */
public final class Optimizers {

  private static final float ADAGRAD_INITIAL = 0.1f;

  private Optimizers() {}

  /**
   * The op that applies one step of {@code settings} to {@code weights}, descending {@code loss}.
   *
   * @param learningRate a float scalar, fed per step by schedules
   */
  public static Op minimize(Graph graph, OptimizerSettings settings, Operand<TFloat32> learningRate,
      Operand<TFloat32> loss, List<Variable<TFloat32>> weights) {
    return minimize(graph, settings, learningRate, loss, weights, "");
  }

  /**
   * Like {@link #minimize(Graph, OptimizerSettings, Operand, Operand, List)}, with the optimizer's own
   * variables (Adam's beta powers) named after {@code prefix}, so one graph can hold several optimizers
   * (a GAN's two sides).
   */
  public static Op minimize(Graph graph, OptimizerSettings settings, Operand<TFloat32> learningRate,
      Operand<TFloat32> loss, List<Variable<TFloat32>> weights, String prefix) {
    Ops tf = Ops.create(graph);
    List<Operand<TFloat32>> gradients = gradients(graph, settings, loss, weights);
    // Weights are read through Identity, which aliases the variable's buffer. An update that ran while
    // back-propagation still read the old weights (dX = dY·Wᵀ) would race, so every update waits for
    // every gradient.
    List<Op> ready = new ArrayList<>();
    for (Operand<TFloat32> gradient : gradients) {
      ready.add(tf.identity(gradient));
    }
    return applyGradients(tf, ready, settings, learningRate, weights, gradients, VariablePlacement.LOCAL, prefix);
  }

  /** The gradients of {@code loss} for {@code weights}, clipped as {@code settings} say. */
  public static List<Operand<TFloat32>> gradients(Graph graph, OptimizerSettings settings, Operand<TFloat32> loss,
      List<Variable<TFloat32>> weights) {
    Output<?>[] targets = weights.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
    return GradientClipping.apply(Ops.create(graph), settings, graph.addGradients(loss.asOutput(), targets));
  }

  /**
   * The op that applies {@code gradients} to {@code weights} with the optimizer of {@code settings}.
   *
   * @param ready ops every update waits for
   * @param placement where the optimizer's own variables (Adam's beta powers) go; per-weight slots follow
   *     their weight, because the update ops consume both by reference
   */
  public static Op applyGradients(Ops tf, List<Op> ready, OptimizerSettings settings, Operand<TFloat32> learningRate,
      List<Variable<TFloat32>> weights, List<Operand<TFloat32>> gradients, VariablePlacement placement) {
    return applyGradients(tf, ready, settings, learningRate, weights, gradients, placement, "");
  }

  /**
   * Like {@link #applyGradients(Ops, List, OptimizerSettings, Operand, List, List, VariablePlacement)}, with the
   * optimizer's own variables named after {@code prefix} (a GAN's two sides each have their own).
   */
  public static Op applyGradients(Ops tf, List<Op> ready, OptimizerSettings settings, Operand<TFloat32> learningRate,
      List<Variable<TFloat32>> weights, List<Operand<TFloat32>> gradients, VariablePlacement placement,
      String prefix) {
    Ops step = tf.withSubScope("train").withControlDependencies(ready);
    OptimizerType type = settings.type();
    boolean adam = type == OptimizerType.ADAM || type == OptimizerType.ADAMW;
    Variable<TFloat32> beta1Power = null;
    Variable<TFloat32> beta2Power = null;
    if (adam) {
      beta1Power = placement.place(tf.withName(prefix + "adam-beta1_power"), prefix + "adam-beta1_power", Shape.scalar())
          .variable(tf.constant((float) settings.beta1()));
      beta2Power = placement.place(tf.withName(prefix + "adam-beta2_power"), prefix + "adam-beta2_power", Shape.scalar())
          .variable(tf.constant((float) settings.beta2()));
    }
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      Variable<TFloat32> weight = weights.get(i);
      Operand<TFloat32> gradient = gradients.get(i);
      Ops apply = type == OptimizerType.ADAMW ? decayFirst(step, tf, weight, learningRate, settings) : step;
      updates.add(switch (type) {
        case SGD -> apply.train.applyGradientDescent(weight, learningRate, gradient);
        case MOMENTUM -> apply.train.applyMomentum(weight, slot(tf, weight, "momentum", 0f), learningRate,
            gradient, tf.constant((float) settings.momentum()), ApplyMomentum.useNesterov(settings.nesterov()));
        case ADAM, ADAMW -> apply.train.applyAdam(weight, slot(tf, weight, "m", 0f), slot(tf, weight, "v", 0f),
            beta1Power, beta2Power, learningRate, tf.constant((float) settings.beta1()),
            tf.constant((float) settings.beta2()), tf.constant((float) settings.epsilon()), gradient);
        case RMSPROP -> apply.train.applyRmsProp(weight, slot(tf, weight, "rms", 0f),
            slot(tf, weight, "momentum", 0f), learningRate, tf.constant((float) settings.rho()), tf.constant(0f),
            tf.constant((float) settings.epsilon()), gradient);
        case ADAGRAD -> apply.train.applyAdagrad(
            weight, slot(tf, weight, "accumulator", ADAGRAD_INITIAL), learningRate, gradient);
      });
    }
    if (!adam) {
      return step.withControlDependencies(updates).noOp();
    }
    // Adam's bias corrections: advance beta^t once every weight has used this step's value.
    Ops after = step.withControlDependencies(updates);
    Op advance1 = after.assign(beta1Power, after.math.mul(tf.identity(beta1Power), tf.constant((float) settings.beta1())));
    Op advance2 = after.assign(beta2Power, after.math.mul(tf.identity(beta2Power), tf.constant((float) settings.beta2())));
    return step.withControlDependencies(List.of(advance1, advance2)).noOp();
  }

  /** AdamW's decoupled decay {@code w -= lr * weightDecay * w}, done before the Adam update reads w. */
  private static Ops decayFirst(Ops step, Ops tf, Variable<TFloat32> weight, Operand<TFloat32> learningRate,
      OptimizerSettings settings) {
    Operand<TFloat32> decay = tf.math.mul(tf.math.mul(learningRate, tf.constant((float) settings.weightDecay())),
        tf.identity(weight));
    return step.withControlDependencies(List.of(step.assignSub(weight, decay)));
  }

  /** A per-weight optimizer variable, same shape as the weight, filled with {@code initial}. */
  private static Variable<TFloat32> slot(Ops tf, Variable<TFloat32> weight, String name, float initial) {
    Shape shape = weight.shape();
    return tf.withName(weight.op().name() + "-" + name)
        .variable(tf.fill(tf.constant(shape.asArray()), tf.constant(initial)));
  }
}
