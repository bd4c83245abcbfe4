package dev.deepwire.serving.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.proto.DataType;

/** Reads tensors from nested JSON lists and writes them back, the way TensorFlow Serving's REST API does. */
public final class JsonTensors {

  private JsonTensors() {}

  /** The dimensions of a nested list, read along its first elements; a number has none. */
  static long[] shapeOf(JsonNode node) {
    List<Long> dims = new ArrayList<>();
    JsonNode current = node;
    while (current.isArray()) {
      dims.add((long) current.size());
      if (current.isEmpty()) {
        break;
      }
      current = current.get(0);
    }
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Reads {@code nodes}, one example each, into one tensor of {@code spec}'s type whose first dimension is
   * {@code nodes.size()}.
   *
   * @param what names the examples in errors, e.g. {@code "instance"}
   */
  static TensorValue readExamples(List<JsonNode> nodes, TensorSpec spec, String what) {
    long[] example = spec.exampleDims();
    for (int i = 0; i < nodes.size(); i++) {
      long[] dims = shapeOf(nodes.get(i));
      if (!fits(dims, example)) {
        throw ServingError.badRequest("input '" + spec.name() + "' of " + what + " " + i + " has shape "
            + Arrays.toString(dims) + ", the signature expects " + Arrays.toString(example));
      }
      example = dims;
    }
    long[] batch = new long[example.length + 1];
    batch[0] = nodes.size();
    System.arraycopy(example, 0, batch, 1, example.length);
    Sink sink = Sink.of(spec, Math.toIntExact(size(batch)));
    for (int i = 0; i < nodes.size(); i++) {
      fill(nodes.get(i), example, 0, sink, spec.name());
    }
    return sink.toValue(batch);
  }

  /** Reads a whole batch ({@code [rows, ...example]}) of {@code spec} from one nested list. */
  static TensorValue readBatch(JsonNode node, TensorSpec spec) {
    long[] dims = shapeOf(node);
    if (dims.length == 0 || !fits(dims, spec.dims())) {
      throw ServingError.badRequest("input '" + spec.name() + "' has shape " + Arrays.toString(dims)
          + ", the signature expects " + Arrays.toString(spec.dims()));
    }
    Sink sink = Sink.of(spec, Math.toIntExact(size(dims)));
    fill(node, dims, 0, sink, spec.name());
    return sink.toValue(dims);
  }

  /** Writes row {@code row} of {@code value} as a nested list (a number for scalar examples). */
  static void writeRow(JsonGenerator out, TensorValue value, int row) throws IOException {
    int width = value.rowSize();
    write(out, value, value.dims(), 1, row * width);
  }

  /** Writes all of {@code value} as a nested list. */
  static void writeAll(JsonGenerator out, TensorValue value) throws IOException {
    write(out, value, value.dims(), 0, 0);
  }

  private static int write(JsonGenerator out, TensorValue value, long[] dims, int depth, int offset)
      throws IOException {
    if (depth == dims.length) {
      if (value.floats() != null) {
        out.writeNumber(value.floats()[offset]);
      } else {
        out.writeNumber(value.ints()[offset]);
      }
      return offset + 1;
    }
    out.writeStartArray();
    int next = offset;
    for (long i = 0; i < dims[depth]; i++) {
      next = write(out, value, dims, depth + 1, next);
    }
    out.writeEndArray();
    return next;
  }

  private static boolean fits(long[] dims, long[] expected) {
    if (dims.length != expected.length) {
      return false;
    }
    for (int i = 0; i < dims.length; i++) {
      if (expected[i] >= 0 && expected[i] != dims[i]) {
        return false;
      }
    }
    return true;
  }

  private static long size(long[] dims) {
    long size = 1;
    for (long d : dims) {
      size *= d;
    }
    return size;
  }

  private static void fill(JsonNode node, long[] dims, int depth, Sink sink, String input) {
    if (depth == dims.length) {
      sink.add(node, input);
      return;
    }
    if (!node.isArray() || node.size() != dims[depth]) {
      throw ServingError.badRequest("input '" + input + "' is not a dense tensor of shape "
          + Arrays.toString(dims) + ": found " + (node.isArray() ? "a list of " + node.size() : node.getNodeType())
          + " at depth " + depth);
    }
    for (JsonNode child : node) {
      fill(child, dims, depth + 1, sink, input);
    }
  }

  /** Collects the elements of one tensor in the spec's type. */
  private static final class Sink {
    private final float[] floats;
    private final int[] ints;
    private int next;

    private Sink(float[] floats, int[] ints) {
      this.floats = floats;
      this.ints = ints;
    }

    static Sink of(TensorSpec spec, int size) {
      if (spec.dtype() == DataType.DT_FLOAT) {
        return new Sink(new float[size], null);
      }
      if (spec.dtype() == DataType.DT_INT32) {
        return new Sink(null, new int[size]);
      }
      throw ServingError.badRequest("input '" + spec.name() + "' has type " + spec.dtype()
          + ", which this server cannot read from JSON (DT_FLOAT and DT_INT32 only)");
    }

    void add(JsonNode node, String input) {
      if (!node.isNumber()) {
        throw ServingError.badRequest("input '" + input + "' holds " + node.getNodeType() + " '" + node
            + "' where a number is expected");
      }
      if (floats != null) {
        floats[next++] = node.floatValue();
      } else if (node.isIntegralNumber() && node.canConvertToInt()) {
        ints[next++] = node.intValue();
      } else {
        throw ServingError.badRequest("input '" + input + "' is DT_INT32 but holds " + node.asText());
      }
    }

    TensorValue toValue(long[] dims) {
      return floats != null ? TensorValue.ofFloats(dims, floats) : TensorValue.ofInts(dims, ints);
    }
  }
}
