package dev.deepwire.runtime.distributed;

import dev.deepwire.runtime.OptimizerSettings;
import dev.deepwire.runtime.internal.GraphHooks;
import dev.deepwire.runtime.training.Optimizers;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.io.FifoQueue;
import org.tensorflow.op.io.QueueDequeue;
import org.tensorflow.op.train.ConditionalAccumulator;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Synchronous data-parallel updates with TensorFlow's own ops, after TF 1's {@code SyncReplicasOptimizer}:
 *
 * <ul>
 *   <li>each weight has a {@code ConditionalAccumulator} on its parameter server; a worker's step computes
 *       the gradients of its batch, applies them to the accumulators tagged with the global step its
 *       weights were read at, then takes a token from its own queue before its next step;
 *   <li>the chief's aggregation step takes, per weight, the mean of {@code workers} gradients (blocking
 *       until they are there; gradients tagged with an older step are dropped as stale), applies it with
 *       the model's optimizer, advances the global step and puts a token carrying the new step into every
 *       worker's queue.
 * </ul>
 *
 * <p>So every update is the mean of one gradient per worker, computed on the current weights: the same
 * update one process makes with the global batch. The per-worker queues are the barrier; with one shared
 * queue (as in TF 1) a fast worker could take a slow one's token and count twice. The price: while a worker
 * is down no update is made, until it is restarted and rejoins.
 */
final class SyncReplicas implements GraphHooks.TrainStep {

  /** The handles a worker and the chief run. */
  record Handles(Placeholder<TInt64> localStep, Operand<TInt64> token, Variable<TInt64> globalStep,
      Op aggregate, Operand<TInt64> stepAfterAggregate, Operand<TFloat32> learningRate, Placeholder<TInt64> resumeAt,
      Op resume, Op releaseWaiting, Op closeTokens) {}

  private static final String PREFIX = "sync.";

  private final int workers;
  private final int task;
  private final ParameterServerPlacement placement;
  private Handles handles;

  /** The train step of worker {@code task} of {@code workers}. */
  SyncReplicas(int workers, int task, ParameterServerPlacement placement) {
    this.workers = workers;
    this.task = task;
    this.placement = placement;
  }

  @Override
  public Op build(Graph graph, OptimizerSettings settings, Operand<TFloat32> learningRate, Operand<TFloat32> loss,
      List<Variable<TFloat32>> weights) {
    Ops tf = Ops.create(graph);
    Ops ps0 = tf.withDevice(TaskId.ps(0).device());
    Variable<TInt64> globalStep = ps0.withName(PREFIX + "global_step").variable(tf.constant(0L));
    List<FifoQueue> tokens = new ArrayList<>();
    for (int worker = 0; worker < workers; worker++) {
      String name = PREFIX + "tokens." + worker;
      tokens.add(ps0.withName(name).io.fifoQueue(List.of(TInt64.class), FifoQueue.shapes(Shape.scalar()),
          FifoQueue.sharedName(name)));
    }
    Placeholder<TInt64> localStep = tf.withName(PREFIX + "local_step").placeholder(TInt64.class,
        Placeholder.shape(Shape.scalar()));

    // Worker side: gradients of this batch into the accumulators, then wait for this worker's next token.
    List<Operand<TFloat32>> gradients = Optimizers.gradients(graph, settings, loss, weights);
    List<ConditionalAccumulator> accumulators = new ArrayList<>();
    List<Op> applied = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      Variable<TFloat32> weight = weights.get(i);
      String name = weight.op().name();
      ConditionalAccumulator accumulator = tf.withDevice(TaskId.ps(placement.assign(name, weight.shape())).device())
          .withName(PREFIX + "accumulator." + name)
          .train.conditionalAccumulator(TFloat32.class, weight.shape(),
              ConditionalAccumulator.sharedName(PREFIX + "accumulator." + name));
      accumulators.add(accumulator);
      applied.add(tf.train.accumulatorApplyGradient(accumulator.handle(), localStep, gradients.get(i)));
    }
    QueueDequeue next = tf.withControlDependencies(applied).withName(PREFIX + "next_token")
        .io.queueDequeue(tokens.get(task), List.of(TInt64.class));
    Operand<TInt64> token = next.components().get(0).expect(TInt64.class);

    // Chief side: mean of `workers` gradients per weight, one optimizer update, then the next tokens.
    List<Operand<TFloat32>> means = new ArrayList<>();
    for (ConditionalAccumulator accumulator : accumulators) {
      means.add(tf.train.accumulatorTakeGradient(accumulator.handle(), tf.constant(workers), TFloat32.class));
    }
    Op update = Optimizers.applyGradients(tf, List.of(), settings, learningRate, weights, means, placement);
    Operand<TInt64> stepAfter = tf.withControlDependencies(List.of(update)).withName(PREFIX + "advance")
        .assignAdd(globalStep, tf.constant(1L));
    Op aggregate = handOut(tf.withControlDependencies(List.of(tellAccumulators(tf, accumulators, stepAfter))),
        tokens, stepAfter, PREFIX + "aggregate");

    // A (re)start of the chief sets the step (the accumulators then drop older gradients) and may hand out
    // tokens to workers waiting for a step that was lost.
    Placeholder<TInt64> resumeAt = tf.withName(PREFIX + "resume_at").placeholder(TInt64.class,
        Placeholder.shape(Shape.scalar()));
    Operand<TInt64> resumed = tf.withName(PREFIX + "set_step").assign(globalStep, resumeAt);
    Op resume = tellAccumulators(tf, accumulators, resumed);
    Op release = handOut(tf, tokens, tf.identity(globalStep), PREFIX + "release");
    List<Op> closes = new ArrayList<>();
    for (FifoQueue queue : tokens) {
      closes.add(tf.io.queueClose(queue));
    }
    Op close = tf.withControlDependencies(closes).withName(PREFIX + "close_tokens").noOp();
    handles = new Handles(localStep, token, globalStep, aggregate, stepAfter, learningRate, resumeAt, resume, release,
        close);
    return next;
  }

  /** Tells every accumulator the new global {@code step}: gradients tagged older are dropped from now on. */
  private static Op tellAccumulators(Ops tf, List<ConditionalAccumulator> accumulators, Operand<TInt64> step) {
    List<Op> told = new ArrayList<>();
    for (ConditionalAccumulator accumulator : accumulators) {
      told.add(tf.train.accumulatorSetGlobalStep(accumulator.handle(), step));
    }
    return tf.withControlDependencies(told).noOp();
  }

  /** Puts one token carrying {@code step} into every worker's queue. */
  private static Op handOut(Ops tf, List<FifoQueue> tokens, Operand<TInt64> step, String name) {
    List<Op> enqueued = new ArrayList<>();
    for (FifoQueue queue : tokens) {
      enqueued.add(tf.io.queueEnqueueMany(queue, List.of(tf.reshape(step, tf.constant(new long[] {1})))));
    }
    return tf.withControlDependencies(enqueued).withName(name).noOp();
  }

  /** The handles, once the graph is built. */
  Handles handles() {
    if (handles == null) {
      throw new IllegalStateException("the model has no loss: nothing to train on a cluster");
    }
    return handles;
  }
}
