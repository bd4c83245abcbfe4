package dev.deepwire.runtime.data;

/**
 * One named column of a {@link Dataset}: a fixed number of examples, each an array of the same
 * {@link #exampleShape() shape}, stored row-major in one flat primitive array.
 *
 * <p>A scalar column (one number per example, such as a class label) has the empty shape {@code {}}
 * and an {@link #exampleSize() example size} of 1.
 */
public sealed interface Column permits FloatColumn, IntColumn {

  /** The number of examples. */
  int size();

  /** The shape of one example, without the leading example dimension; {@code {}} for a scalar. */
  int[] exampleShape();

  /** The number of values in one example: the product of {@link #exampleShape()}, 1 for a scalar. */
  int exampleSize();

  /** A new column holding the examples at {@code indices}, in that order (repeats allowed). */
  Column select(int[] indices);

  /** Checks an example shape and returns its size; shared by both column kinds. */
  static int checkedExampleSize(int[] exampleShape) {
    if (exampleShape == null) {
      throw new IllegalArgumentException("exampleShape must not be null; use {} for a scalar column");
    }
    long size = 1;
    for (int dim : exampleShape) {
      if (dim <= 0) {
        throw new IllegalArgumentException(
            "exampleShape must have positive dimensions, got " + java.util.Arrays.toString(exampleShape));
      }
      size *= dim;
      if (size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "exampleShape " + java.util.Arrays.toString(exampleShape) + " has more than 2^31-1 values");
      }
    }
    return (int) size;
  }

  /** Checks that rows {@code indices[from..from+count)} exist and fit {@code dst}; shared by both kinds. */
  static void checkGather(int size, int exampleSize, int[] indices, int from, int count, int dstLength) {
    if (from < 0 || count < 0 || from > indices.length - count) {
      throw new IndexOutOfBoundsException(
          "indices[" + from + ".." + ((long) from + count) + ") is outside an index array of length "
              + indices.length);
    }
    if ((long) count * exampleSize > dstLength) {
      throw new IllegalArgumentException(
          "dst has " + dstLength + " values, but " + count + " examples of " + exampleSize
              + " values need " + ((long) count * exampleSize));
    }
    for (int i = from; i < from + count; i++) {
      if (indices[i] < 0 || indices[i] >= size) {
        throw new IndexOutOfBoundsException(
            "example index " + indices[i] + " at indices[" + i + "] is outside 0.." + (size - 1));
      }
    }
  }
}
