package dev.deepwire.runtime.internal;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteBuffer;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_FLOAT;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionRun;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorByteSize;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorData;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorType;

import java.lang.reflect.Field;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.RawTensor;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_Operation;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.TF_Tensor;
import org.tensorflow.op.Op;

/**
 * One kind of session run on TensorFlow's C API, repeated: fixed feeds, one float vector fetched, optionally one
 * target op (a training step). The feed and fetch {@code TF_Output}s, pointer arrays, status and run options are
 * built once; a run hands TensorFlow the feed tensors' own native handles and deletes the fetched tensor after
 * copying it out. {@code Session.Runner} builds all of that anew per run (about 40 µs a run here), and runs the
 * graph on the inter-op pool where this runs it on the calling thread.
 *
 * <p>Not thread-safe; use it only while its session is open.
 */
final class RawStep implements AutoCloseable {

  /** The private field of TensorFlow Java 1.1.0's {@code RawTensor} holding its {@code TF_Tensor}. */
  static final String TENSOR_FIELD = "tensorHandle";

  private static final Field TENSOR_HANDLE = tensorHandleField();

  private final TF_Session session;
  private final int feedCount;
  private final TF_Output feeds;
  private final TF_Output fetch = new TF_Output(1);
  private final PointerPointer<TF_Tensor> inputValues;
  private final PointerPointer<TF_Tensor> outputValues = new PointerPointer<>(1);
  private final PointerPointer<TF_Operation> targets;
  private final int targetCount;
  private final TF_Status status = TF_NewStatus();
  private final TF_Buffer runOptions;

  /**
   * @param target the op to run after the fetch's inputs, or null
   * @throws UnsupportedOperationException if the session's or a tensor's native handle cannot be read
   */
  RawStep(Session session, List<Operand<?>> feedOperands, Operand<?> fetched, Op target) {
    if (TENSOR_HANDLE == null) {
      throw new UnsupportedOperationException("no private field '" + TENSOR_FIELD + "' in org.tensorflow.RawTensor");
    }
    this.session = new NativeSessionHandle().of(session);
    this.feedCount = feedOperands.size();
    this.feeds = new TF_Output(Math.max(1, feedCount));
    for (int i = 0; i < feedCount; i++) {
      Output<?> output = feedOperands.get(i).asOutput();
      feeds.position(i).oper(((GraphOperation) output.op()).getUnsafeNativeHandle()).index(output.index());
    }
    feeds.position(0);
    Output<?> out = fetched.asOutput();
    fetch.oper(((GraphOperation) out.op()).getUnsafeNativeHandle()).index(out.index());
    this.inputValues = new PointerPointer<>(Math.max(1, feedCount));
    this.targetCount = target == null ? 0 : 1;
    this.targets = new PointerPointer<>(1);
    if (target != null) {
      targets.put(0, ((GraphOperation) target.op()).getUnsafeNativeHandle());
    }
    this.runOptions = InlineRunOptions.newBuffer();
  }

  /** Runs with {@code values} fed in the order of the feeds; writes the fetched floats into {@code into}. */
  void run(List<Tensor> values, float[] into) {
    for (int i = 0; i < feedCount; i++) {
      inputValues.put(i, handle(values.get(i)));
    }
    TF_SessionRun(session, runOptions, feeds, inputValues, feedCount, fetch, outputValues, 1, targets, targetCount,
        null, status);
    status.throwExceptionIfNotOK(); // on failure TensorFlow made no output tensor
    TF_Tensor result = new TF_Tensor(outputValues.get(0));
    try {
      if (TF_TensorType(result) != TF_FLOAT || TF_TensorByteSize(result) != 4L * into.length) {
        throw new IllegalStateException("the fetched tensor has type " + TF_TensorType(result) + " and "
            + TF_TensorByteSize(result) + " bytes, expected " + into.length + " floats");
      }
      new FloatPointer(TF_TensorData(result)).get(into);
    } finally {
      TF_DeleteTensor(result);
    }
  }

  private static TF_Tensor handle(Tensor tensor) {
    try {
      return (TF_Tensor) TENSOR_HANDLE.get(tensor.asRawTensor());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read the native handle of " + tensor, e);
    }
  }

  private static Field tensorHandleField() {
    try {
      Field field = RawTensor.class.getDeclaredField(TENSOR_FIELD);
      field.setAccessible(true); // works while TensorFlow Java sits on the class path, as Deepwire uses it
      return field.getType() == TF_Tensor.class ? field : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public void close() {
    TF_DeleteStatus(status);
    TF_DeleteBuffer(runOptions);
    feeds.close();
    fetch.close();
    inputValues.close();
    outputValues.close();
    targets.close();
  }
}
