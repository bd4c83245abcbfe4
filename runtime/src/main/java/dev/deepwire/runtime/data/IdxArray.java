package dev.deepwire.runtime.data;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The content of one IDX file: its dimensions, element type and raw big-endian data.
 *
 * <p>The first dimension counts examples ({@link #count()}); the rest is the shape of one example
 * ({@link #exampleShape()}). Convert with {@link #toFloats()} or {@link #toInts()}; unsigned bytes
 * become 0..255 in both (no scaling).
 *
 * @param dims the dimensions, at least one
 * @param type the element type
 * @param data the elements, big-endian, {@code product(dims) * type.bytes()} bytes
 */
public record IdxArray(int[] dims, IdxType type, byte[] data) {

  /** Checks that {@code data} has exactly as many bytes as the dimensions and type call for. */
  public IdxArray {
    if (dims == null || dims.length == 0) {
      throw new IllegalArgumentException("an IDX array needs at least one dimension");
    }
    if (type == null || data == null) {
      throw new IllegalArgumentException("type and data must not be null");
    }
    long elements = 1;
    for (int dim : dims) {
      if (dim < 0) {
        throw new IllegalArgumentException("IDX dimensions must not be negative, got " + Arrays.toString(dims));
      }
      elements *= dim;
    }
    if (elements * type.bytes() != data.length) {
      throw new IllegalArgumentException(
          "dims " + Arrays.toString(dims) + " of " + type + " need " + elements * type.bytes()
              + " bytes, got " + data.length);
    }
    dims = dims.clone();
  }

  /** Packs {@code values} as an array of the given integral type (which must hold every value). */
  public static IdxArray ofInts(IdxType type, int[] values, int... dims) {
    ByteBuffer buffer = ByteBuffer.allocate(Math.multiplyExact(values.length, type.bytes()));
    for (int i = 0; i < values.length; i++) {
      int value = values[i];
      switch (type) {
        case UNSIGNED_BYTE -> buffer.put((byte) checkRange(value, 0, 255, i, type));
        case SIGNED_BYTE -> buffer.put((byte) checkRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE, i, type));
        case SHORT -> buffer.putShort((short) checkRange(value, Short.MIN_VALUE, Short.MAX_VALUE, i, type));
        case INT -> buffer.putInt(value);
        case FLOAT -> buffer.putFloat(value);
        case DOUBLE -> buffer.putDouble(value);
      }
    }
    return new IdxArray(dims, type, buffer.array());
  }

  /** Packs {@code values} as a float ({@link IdxType#FLOAT}) or double array. */
  public static IdxArray ofFloats(IdxType type, float[] values, int... dims) {
    if (type != IdxType.FLOAT && type != IdxType.DOUBLE) {
      throw new IllegalArgumentException("ofFloats writes float or double, not " + type + "; use ofInts");
    }
    ByteBuffer buffer = ByteBuffer.allocate(Math.multiplyExact(values.length, type.bytes()));
    for (float value : values) {
      if (type == IdxType.FLOAT) {
        buffer.putFloat(value);
      } else {
        buffer.putDouble(value);
      }
    }
    return new IdxArray(dims, type, buffer.array());
  }

  @Override
  public int[] dims() {
    return dims.clone();
  }

  /** The number of examples: {@code dims[0]}. */
  public int count() {
    return dims[0];
  }

  /** The shape of one example: {@code dims[1..]}, empty for a rank-1 array. */
  public int[] exampleShape() {
    return Arrays.copyOfRange(dims, 1, dims.length);
  }

  /** The number of elements. */
  public int length() {
    return data.length / type.bytes();
  }

  /** All elements as floats, row-major; doubles are rounded to float. */
  public float[] toFloats() {
    ByteBuffer buffer = ByteBuffer.wrap(data);
    float[] values = new float[length()];
    switch (type) {
      case UNSIGNED_BYTE -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = data[i] & 0xFF;
        }
      }
      case SIGNED_BYTE -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = data[i];
        }
      }
      case SHORT -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = buffer.getShort(i * 2);
        }
      }
      case INT -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = buffer.getInt(i * 4);
        }
      }
      case FLOAT -> buffer.asFloatBuffer().get(values);
      case DOUBLE -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) buffer.getDouble(i * 8);
        }
      }
    }
    return values;
  }

  /**
   * All elements as ints, row-major.
   *
   * @throws IllegalStateException for float and double arrays
   */
  public int[] toInts() {
    ByteBuffer buffer = ByteBuffer.wrap(data);
    int[] values = new int[length()];
    switch (type) {
      case UNSIGNED_BYTE -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = data[i] & 0xFF;
        }
      }
      case SIGNED_BYTE -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = data[i];
        }
      }
      case SHORT -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = buffer.getShort(i * 2);
        }
      }
      case INT -> buffer.asIntBuffer().get(values);
      case FLOAT, DOUBLE -> throw new IllegalStateException(
          "toInts() cannot convert an IDX array of " + type + " elements; use toFloats()");
    }
    return values;
  }

  @Override
  public String toString() {
    return "IdxArray[dims=" + Arrays.toString(dims) + ", type=" + type + "]";
  }

  private static int checkRange(int value, int min, int max, int index, IdxType type) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "value " + value + " at index " + index + " does not fit " + type + " (" + min + ".." + max + ")");
    }
    return value;
  }
}
