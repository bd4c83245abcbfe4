package dev.deepwire.runtime.distributed;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.io.FifoQueue;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;

/**
 * Two queues that end a job cleanly: workers check in to {@code finished} (on ps 0) when they are done, and
 * the chief closes one {@code done} queue per parameter server when the job is over, which is how a
 * parameter server, which otherwise serves forever, knows it may exit. Queues with the same shared name on
 * the same task are one queue, whichever graph defines them; this class is the one definition.
 */
final class JobSignals {

  private static final String DONE = "deepwire.job_done";
  private static final String FINISHED = "deepwire.workers_finished";

  private final List<FifoQueue> done = new ArrayList<>();
  private final FifoQueue finished;
  private final Ops tf;

  JobSignals(Graph graph, int parameterServers) {
    tf = Ops.create(graph);
    for (int task = 0; task < parameterServers; task++) {
      done.add(doneQueue(tf, task));
    }
    finished = tf.withDevice(TaskId.ps(0).device()).withName(FINISHED).io.fifoQueue(List.of(TInt32.class),
        FifoQueue.shapes(Shape.scalar()), FifoQueue.sharedName(FINISHED));
  }

  /** Whether the {@code done} queue of ps {@code task} is closed; built in the parameter server's own graph. */
  static Operand<TBool> isDone(Graph graph, int task) {
    Ops tf = Ops.create(graph);
    return tf.io.queueIsClosed(doneQueue(tf, task));
  }

  private static FifoQueue doneQueue(Ops tf, int task) {
    return tf.withDevice(TaskId.ps(task).device()).withName(DONE + "." + task).io.fifoQueue(List.of(TInt32.class),
        FifoQueue.shapes(Shape.scalar()), FifoQueue.sharedName(DONE));
  }

  /** A worker's check-in once it has stopped training. */
  Op checkIn() {
    return tf.io.queueEnqueueMany(finished, List.of(tf.constant(new int[] {1})));
  }

  /** How many workers have checked in. */
  Operand<TInt32> finishedCount() {
    return tf.io.queueSize(finished);
  }

  /** Releases every parameter server. */
  Op releaseParameterServers() {
    List<Op> closes = new ArrayList<>();
    for (FifoQueue queue : done) {
      closes.add(tf.io.queueClose(queue));
    }
    return tf.withControlDependencies(closes).noOp();
  }
}
