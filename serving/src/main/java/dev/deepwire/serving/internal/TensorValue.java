package dev.deepwire.serving.internal;

import java.util.Arrays;
import org.tensorflow.proto.DataType;

/**
 * A dense tensor in Java arrays: {@code floats} for {@link DataType#DT_FLOAT}, {@code ints} for
 * {@link DataType#DT_INT32}, row-major; the first dimension is the batch.
 */
public record TensorValue(DataType dtype, long[] dims, float[] floats, int[] ints) {

  /** A float tensor. */
  public static TensorValue ofFloats(long[] dims, float[] values) {
    return new TensorValue(DataType.DT_FLOAT, dims, values, null);
  }

  /** An int32 tensor. */
  public static TensorValue ofInts(long[] dims, int[] values) {
    return new TensorValue(DataType.DT_INT32, dims, null, values);
  }

  /** Rows in the batch dimension. */
  public int rows() {
    return (int) dims[0];
  }

  /** Elements per row. */
  public int rowSize() {
    long size = 1;
    for (int i = 1; i < dims.length; i++) {
      size *= dims[i];
    }
    return Math.toIntExact(size);
  }

  /** Rows {@code from} to {@code from + count} as their own tensor. */
  public TensorValue slice(int from, int count) {
    long[] sliced = dims.clone();
    sliced[0] = count;
    int width = rowSize();
    return floats != null
        ? ofFloats(sliced, Arrays.copyOfRange(floats, from * width, (from + count) * width))
        : ofInts(sliced, Arrays.copyOfRange(ints, from * width, (from + count) * width));
  }

  /** The rows of all {@code parts} (same dtype and row shape) one after another. */
  public static TensorValue concat(java.util.List<TensorValue> parts) {
    TensorValue first = parts.get(0);
    if (parts.size() == 1) {
      return first;
    }
    int rows = parts.stream().mapToInt(TensorValue::rows).sum();
    long[] dims = first.dims.clone();
    dims[0] = rows;
    int width = first.rowSize();
    int offset = 0;
    if (first.floats != null) {
      float[] all = new float[rows * width];
      for (TensorValue part : parts) {
        System.arraycopy(part.floats, 0, all, offset, part.floats.length);
        offset += part.floats.length;
      }
      return ofFloats(dims, all);
    }
    int[] all = new int[rows * width];
    for (TensorValue part : parts) {
      System.arraycopy(part.ints, 0, all, offset, part.ints.length);
      offset += part.ints.length;
    }
    return ofInts(dims, all);
  }
}
