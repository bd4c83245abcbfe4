package dev.deepwire.runtime.internal;

import dev.deepwire.runtime.OptimizerSettings;
import dev.deepwire.runtime.layers.VariablePlacement;
import dev.deepwire.runtime.training.Optimizers;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * What {@link GraphAssembler} lets a caller change: where variables are created and how a train step is
 * built. {@link #LOCAL} is one process; data-parallel training on a cluster places variables on
 * parameter servers and replaces the step.
 *
 * @param placement where weights and layer states are created
 * @param trainStep builds the train op from the total loss and the trainable weights
 */
public record GraphHooks(VariablePlacement placement, TrainStep trainStep) {

  /** One process: variables where the session runs, the optimizer step applied at once. */
  public static final GraphHooks LOCAL = new GraphHooks(VariablePlacement.LOCAL, Optimizers::minimize);

  /** Builds the op one training step runs. */
  @FunctionalInterface
  public interface TrainStep {
    Op build(Graph graph, OptimizerSettings settings, Operand<TFloat32> learningRate, Operand<TFloat32> loss,
        List<Variable<TFloat32>> weights);
  }
}
