package dev.deepwire.serving.internal;

import java.util.Arrays;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * One named input or output of a serving signature.
 *
 * @param name the key in the signature (the model's input or output name)
 * @param tensorName the graph tensor, e.g. {@code input.image:0}
 * @param dtype its element type
 * @param dims its shape, {@code -1} where unknown (the batch dimension)
 */
public record TensorSpec(String name, String tensorName, DataType dtype, long[] dims) {

  public TensorSpec {
    dims = dims.clone();
  }

  /** The spec of signature entry {@code name}. */
  public static TensorSpec of(String name, TensorInfo info) {
    TensorShapeProto shape = info.getTensorShape();
    long[] dims = shape.getDimList().stream().mapToLong(TensorShapeProto.Dim::getSize).toArray();
    return new TensorSpec(name, info.getName(), info.getDtype(), dims);
  }

  /** The shape of one example: every dimension after the batch one. */
  public long[] exampleDims() {
    return dims.length == 0 ? dims : Arrays.copyOfRange(dims, 1, dims.length);
  }

  /** Elements per example, or -1 when the example shape is not fully known. */
  public long exampleSize() {
    long size = 1;
    for (long d : exampleDims()) {
      if (d < 0) {
        return -1;
      }
      size *= d;
    }
    return size;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSpec other && name.equals(other.name) && tensorName.equals(other.tensorName)
        && dtype == other.dtype && Arrays.equals(dims, other.dims);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(dims) + ":" + dtype;
  }
}
