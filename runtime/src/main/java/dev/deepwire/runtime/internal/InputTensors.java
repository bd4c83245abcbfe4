package dev.deepwire.runtime.internal;

import dev.deepwire.annotations.DType;
import dev.deepwire.runtime.ModelSignature.InputSpec;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Turns rows of a model input into the feed tensor its placeholder takes (float, or int32 token ids). */
public final class InputTensors {

  private InputTensors() {}

  /** Rows {@code from .. from + count} of {@code rows} as a tensor {@code [count, shape...]}; close it after use. */
  public static Tensor of(InputSpec spec, float[][] rows, int from, int count) {
    long[] dims = dims(spec, count);
    int width = spec.size();
    if (spec.dtype() == DType.INT32) {
      int[] ids = new int[count * width];
      for (int r = 0; r < count; r++) {
        for (int j = 0; j < width; j++) {
          ids[r * width + j] = Math.round(rows[from + r][j]);
        }
      }
      TInt32 tensor = TInt32.tensorOf(Shape.of(dims));
      tensor.asRawTensor().data().asInts().write(ids);
      return tensor;
    }
    // Row by row straight into native memory: a packed copy on the heap would be garbage at every call.
    TFloat32 tensor = TFloat32.tensorOf(Shape.of(dims));
    FloatDataBuffer data = tensor.asRawTensor().data().asFloats();
    for (int r = 0; r < count; r++) {
      data.offset((long) r * width).write(rows[from + r], 0, width);
    }
    return tensor;
  }

  /**
   * Examples {@code from .. from + count} of {@code examples}, laid end to end, as a float tensor
   * {@code [count, shape...]}; close it after use.
   */
  public static Tensor of(InputSpec spec, float[] examples, int from, int count) {
    int width = spec.size();
    TFloat32 tensor = TFloat32.tensorOf(Shape.of(dims(spec, count)));
    tensor.asRawTensor().data().asFloats().write(examples, from * width, count * width);
    return tensor;
  }

  private static long[] dims(InputSpec spec, int count) {
    long[] dims = new long[spec.shape().length + 1];
    dims[0] = count;
    for (int i = 0; i < spec.shape().length; i++) {
      dims[i + 1] = spec.shape()[i];
    }
    return dims;
  }
}
