package dev.deepwire.runtime.data;

import java.util.Arrays;

/**
 * A column of {@code int} examples, stored row-major: example {@code i} occupies
 * {@code values[i * exampleSize() .. (i + 1) * exampleSize())}.
 *
 * <p>The record shares its arrays with the caller (no copies) so that large data sets are not
 * duplicated; treat them as read-only.
 *
 * @param values all examples, row-major; its length must be a multiple of the example size
 * @param exampleShape the shape of one example, {@code {}} for a scalar
 */
public record IntColumn(int[] values, int[] exampleShape) implements Column {

  /** Checks that {@code values} holds a whole number of examples. */
  public IntColumn {
    if (values == null) {
      throw new IllegalArgumentException("values must not be null");
    }
    int exampleSize = Column.checkedExampleSize(exampleShape);
    if (values.length % exampleSize != 0) {
      throw new IllegalArgumentException(
          values.length + " values do not divide into examples of shape " + Arrays.toString(exampleShape)
              + " (" + exampleSize + " values each)");
    }
    exampleShape = exampleShape.clone();
  }

  @Override
  public int size() {
    return values.length / exampleSize();
  }

  @Override
  public int[] exampleShape() {
    return exampleShape.clone();
  }

  @Override
  public int exampleSize() {
    int size = 1;
    for (int dim : exampleShape) {
      size *= dim;
    }
    return size;
  }

  @Override
  public IntColumn select(int[] indices) {
    int[] dst = new int[Math.multiplyExact(indices.length, exampleSize())];
    gather(indices, 0, indices.length, dst);
    return new IntColumn(dst, exampleShape);
  }

  /**
   * Copies examples {@code indices[from .. from + count)} one after the other into {@code dst},
   * starting at {@code dst[0]}; {@code dst} needs at least {@code count * exampleSize()} values.
   */
  public void gather(int[] indices, int from, int count, int[] dst) {
    int width = exampleSize();
    Column.checkGather(size(), width, indices, from, count, dst.length);
    for (int i = 0; i < count; i++) {
      System.arraycopy(values, indices[from + i] * width, dst, i * width, width);
    }
  }

  /** The values of example {@code index}, copied. */
  public int[] example(int index) {
    int width = exampleSize();
    return Arrays.copyOfRange(values, Math.multiplyExact(index, width), (index + 1) * width);
  }

  @Override
  public String toString() {
    return "IntColumn[size=" + size() + ", exampleShape=" + Arrays.toString(exampleShape) + "]";
  }
}
