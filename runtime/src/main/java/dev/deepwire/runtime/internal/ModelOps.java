package dev.deepwire.runtime.internal;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The handles of a built model graph that training, evaluation, prediction and checkpoints use.
 *
 * @param inputs a placeholder per model input
 * @param targets a placeholder per output whose targets are a data column
 * @param training 1 while training, 0 (its default) otherwise
 * @param learningRate the optimizer's rate; defaults to the model's and can be fed per step
 * @param step the training step (int64, default 0) that keys the stateless random ops
 * @param outputs the model's outputs, by name
 * @param reported named per-batch scalars: {@code loss} and the metrics, in report order
 * @param reportedVector the same scalars stacked into one vector, so a step fetches one tensor, not several
 * @param trainOp one optimizer step, or null for a model without loss
 * @param variables every variable, optimizer state included, with the ops that restore it
 */
public record ModelOps(
    Map<String, Placeholder<?>> inputs,
    Map<String, Placeholder<?>> targets,
    Operand<TFloat32> training,
    Operand<TFloat32> learningRate,
    Operand<TInt64> step,
    Map<String, Operand<TFloat32>> outputs,
    Map<String, Operand<TFloat32>> reported,
    Operand<TFloat32> reportedVector,
    Op trainOp,
    List<VariableSlot> variables) {

  /** A variable and the feed-and-assign pair that sets it from a checkpoint. */
  public record VariableSlot(String name, Variable<TFloat32> variable, Placeholder<TFloat32> value, Op assign) {}
}
