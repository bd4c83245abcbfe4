package dev.deepwire.runtime.internal;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_AllocateTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteBuffer;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_FLOAT;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_INT32;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionRun;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorByteSize;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorData;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorType;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.StampedLock;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_Operation;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.TF_Tensor;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The single-example path on TensorFlow's C API: {@code TF_SessionRun} straight on the session's native handle.
 * Each pooled slot holds everything a call needs, built once: the feed and fetch {@code TF_Output}s, the
 * batch-1 input tensor (written in place through a direct buffer view), the pointer arrays and a
 * {@code TF_Status}. A call allocates only the output tensor, which TensorFlow creates and this class deletes
 * after copying its values out. {@code Session.Runner} instead builds a pointer scope, several JavaCPP arrays
 * and a tensor wrapper per call.
 *
 * <p>TensorFlow Java's {@code Session} does not know about these runs, so {@link #close()} (called before the
 * session closes) waits for the calls in flight under a lock; later calls fail with "the model was closed".
 */
public final class RawSingleExampleRunner implements SingleExamplePath {

  /** Everything one call at a time needs, allocated once. */
  private static final class Slot {
    final TF_Output feed = new TF_Output(1);
    final TF_Output fetch = new TF_Output(1);
    final PointerPointer<TF_Tensor> inputValues = new PointerPointer<>(1);
    final PointerPointer<TF_Tensor> outputValues = new PointerPointer<>(1);
    final TF_Status status = TF_NewStatus();
    final TF_Tensor input;
    final FloatBuffer floats;
    final IntBuffer ints;

    Slot(Feed spec) {
      feed.oper(spec.input).index(spec.inputIndex);
      fetch.oper(spec.output).index(spec.outputIndex);
      int values = spec.inputValues();
      input = TF_AllocateTensor(spec.integer ? TF_INT32 : TF_FLOAT, spec.dims, spec.dims.length, 4L * values);
      Pointer data = TF_TensorData(input);
      floats = spec.integer ? null : new FloatPointer(data).capacity(values).asBuffer();
      ints = spec.integer ? new IntPointer(data).capacity(values).asBuffer() : null;
      inputValues.put(0, input);
    }

    float[] run(TF_Session session, TF_Buffer runOptions, float[] example, int width) {
      if (floats != null) {
        floats.put(0, example);
      } else {
        for (int j = 0; j < example.length; j++) {
          ints.put(j, Math.round(example[j]));
        }
      }
      TF_SessionRun(session, runOptions, feed, inputValues, 1, fetch, outputValues, 1, null, 0, null, status);
      status.throwExceptionIfNotOK(); // on failure TensorFlow made no output tensor
      TF_Tensor result = new TF_Tensor(outputValues.get(0));
      try {
        if (TF_TensorType(result) != TF_FLOAT || TF_TensorByteSize(result) != 4L * width) {
          throw new IllegalStateException("the output tensor has type " + TF_TensorType(result) + " and "
              + TF_TensorByteSize(result) + " bytes, expected " + width + " floats");
        }
        float[] values = new float[width];
        new FloatPointer(TF_TensorData(result)).get(values);
        return values;
      } finally {
        TF_DeleteTensor(result);
      }
    }

    void free() {
      TF_DeleteTensor(input);
      TF_DeleteStatus(status);
      feed.close();
      fetch.close();
      inputValues.close();
      outputValues.close();
    }
  }

  /** What the slots feed and fetch: native operations of the graph, which outlives this runner. */
  private record Feed(TF_Operation input, int inputIndex, long[] dims, boolean integer, TF_Operation output,
      int outputIndex) {
    int inputValues() {
      long values = 1;
      for (long dim : dims) {
        values *= dim;
      }
      return Math.toIntExact(values);
    }
  }

  private final TF_Session session;
  private final Feed spec;
  private final int outputWidth;
  private final TF_Buffer runOptions;
  private final ConcurrentLinkedDeque<Slot> idle = new ConcurrentLinkedDeque<>();
  private final StampedLock lock = new StampedLock();
  private boolean closed; // written under the write lock, read under the read lock

  private RawSingleExampleRunner(TF_Session session, Feed spec, int outputWidth, boolean inline) {
    this.session = session;
    this.spec = spec;
    this.outputWidth = outputWidth;
    this.runOptions = inline ? InlineRunOptions.newBuffer() : null;
  }

  /**
   * A raw runner on {@code session}'s native handle feeding {@code input} (float32 or int32, batch 1) and
   * fetching {@code output}.
   *
   * @param outputWidth values per example of {@code output}
   * @param inline run the graph on the calling thread (see {@link InlineRunOptions})
   * @throws UnsupportedOperationException if the session's native handle cannot be read
   */
  public static RawSingleExampleRunner open(Session session, Operand<?> input, Operand<TFloat32> output,
      int outputWidth, boolean inline) {
    return open(new NativeSessionHandle(), session, input, output, outputWidth, inline);
  }

  static RawSingleExampleRunner open(NativeSessionHandle handles, Session session, Operand<?> input,
      Operand<TFloat32> output, int outputWidth, boolean inline) {
    Output<?> in = input.asOutput();
    Output<TFloat32> out = output.asOutput();
    long[] dims = in.shape().asArray();
    dims[0] = 1;
    Feed spec = new Feed(((GraphOperation) in.op()).getUnsafeNativeHandle(), in.index(), dims,
        in.type() == TInt32.class, ((GraphOperation) out.op()).getUnsafeNativeHandle(), out.index());
    return new RawSingleExampleRunner(handles.of(session), spec, outputWidth, inline);
  }

  @Override
  public float[] predict(float[] example) {
    long stamp = lock.readLock();
    try {
      if (closed) {
        throw new IllegalStateException("the model was closed");
      }
      Slot slot = idle.pollFirst();
      if (slot == null) {
        slot = new Slot(spec); // one per concurrent caller, kept until close
      }
      try {
        return slot.run(session, runOptions, example, outputWidth);
      } finally {
        idle.offerFirst(slot);
      }
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** Waits for the calls in flight, then frees every slot; later calls fail. Close before the session. */
  @Override
  public void close() {
    long stamp = lock.writeLock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (Slot slot = idle.pollFirst(); slot != null; slot = idle.pollFirst()) {
        slot.free();
      }
      if (runOptions != null) {
        TF_DeleteBuffer(runOptions);
      }
    } finally {
      lock.unlockWrite(stamp);
    }
  }
}
