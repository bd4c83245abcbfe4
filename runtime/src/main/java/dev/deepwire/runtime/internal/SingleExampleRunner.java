package dev.deepwire.runtime.internal;

import java.util.concurrent.ConcurrentLinkedDeque;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.ndarray.buffer.IntDataBuffer;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The low-overhead path for one example of a one-input, one-output model: each call borrows a ready
 * {@link Session.Runner} whose feed tensor of batch 1 is already allocated and fed, writes the example into
 * that tensor, and runs. No tensor, runner or list is built per call. Borrowing from a pool keeps concurrent
 * calls apart (a runner and its tensor serve one call at a time); the pool grows to the number of callers.
 */
public final class SingleExampleRunner implements SingleExamplePath {

  /** A runner with its own feed tensor, fed and fetching the output. */
  private static final class Slot implements AutoCloseable {
    final Tensor input;
    final FloatDataBuffer floats;
    final IntDataBuffer ints;
    final Session.Runner runner;

    Slot(Session session, Operand<?> placeholder, Operand<TFloat32> output) {
      long[] dims = placeholder.shape().asArray();
      dims[0] = 1;
      boolean integer = placeholder.type() == TInt32.class;
      input = integer ? TInt32.tensorOf(Shape.of(dims)) : TFloat32.tensorOf(Shape.of(dims));
      floats = integer ? null : input.asRawTensor().data().asFloats();
      ints = integer ? input.asRawTensor().data().asInts() : null;
      runner = session.runner().feed(placeholder, input).fetch(output);
    }

    float[] run(float[] example, int width) {
      if (floats != null) {
        floats.write(example);
      } else {
        for (int j = 0; j < example.length; j++) {
          ints.setInt(Math.round(example[j]), j);
        }
      }
      try (Result result = runner.run()) {
        float[] values = new float[width];
        ((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(values);
        return values;
      }
    }

    @Override
    public void close() {
      input.close();
    }
  }

  private final Session session;
  private final Operand<?> input;
  private final Operand<TFloat32> output;
  private final int outputWidth;
  private final ConcurrentLinkedDeque<Slot> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  /**
   * @param outputWidth values per example of {@code output}
   */
  public SingleExampleRunner(Session session, Operand<?> input, Operand<TFloat32> output, int outputWidth) {
    this.session = session;
    this.input = input;
    this.output = output;
    this.outputWidth = outputWidth;
  }

  @Override
  public float[] predict(float[] example) {
    if (closed) {
      throw new IllegalStateException("the model was closed");
    }
    Slot slot = idle.pollFirst();
    if (slot == null) {
      slot = new Slot(session, input, output);
    }
    try {
      return slot.run(example, outputWidth);
    } finally {
      idle.offerFirst(slot);
      if (closed) {
        closeIdle(); // the model was closed during this call: free what close() could not reach
      }
    }
  }

  private void closeIdle() {
    for (Slot slot = idle.pollFirst(); slot != null; slot = idle.pollFirst()) {
      slot.close();
    }
  }

  /** Frees the feed tensors; calls after this fail. Close before the session. */
  @Override
  public void close() {
    closed = true;
    closeIdle();
  }
}
