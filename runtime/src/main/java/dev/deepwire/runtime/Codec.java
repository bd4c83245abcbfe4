package dev.deepwire.runtime;

import dev.deepwire.runtime.internal.InputTensors;
import dev.deepwire.runtime.layers.Codes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Runs an autoencoder's halves on their own (inference mode): {@link #encode} fetches the code that the
 * {@code @Encoder} layers end in, {@link #decode} feeds a code in its place and fetches an output, so the
 * encoder is skipped. Thread-safe like {@link Predictor}, whose {@code encode}/{@code decode} use it.
 */
final class Codec {

  private final CompiledModel<?> model;
  private final Output<TFloat32> code;
  private final long[] codeShape;

  Codec(CompiledModel<?> model) {
    this.model = model;
    GraphOperation op = model.graph().operation(Codes.OP_NAME);
    if (op == null) {
      throw new IllegalStateException(model.signature().name() + " has no code: mark its encoder layers"
          + " @Encoder (and decoder layers @Decoder) to encode and decode");
    }
    this.code = op.output(0);
    this.codeShape = code.shape().asArray();
  }

  /** Values per code. */
  int codeSize() {
    long size = 1;
    for (int i = 1; i < codeShape.length; i++) {
      size *= codeShape[i];
    }
    return Math.toIntExact(size);
  }

  /** The codes of {@code inputs} (by input name, one flattened row per example). */
  float[][] encode(Map<String, float[][]> inputs, Predictor<?> checker) {
    int rows = checker.checkedRows(inputs);
    float[][] codes = new float[rows][];
    for (int from = 0; from < rows; from += Predictor.BATCH) {
      int count = Math.min(Predictor.BATCH, rows - from);
      List<Tensor> feeds = new ArrayList<>();
      try {
        Session.Runner runner = model.session().runner();
        for (ModelSignature.InputSpec spec : model.signature().inputs()) {
          Tensor tensor = InputTensors.of(spec, inputs.get(spec.name()), from, count);
          feeds.add(tensor);
          runner.feed(model.ops().inputs().get(spec.name()), tensor);
        }
        fetchRows(runner.fetch(code), codes, from, count);
      } finally {
        feeds.forEach(Tensor::close);
      }
    }
    return codes;
  }

  /** Output {@code outputName} for each code in {@code codes}. */
  float[][] decode(float[][] codes, String outputName) {
    Operand<TFloat32> output = model.ops().outputs().get(outputName);
    if (output == null) {
      throw new IllegalArgumentException("unknown output '" + outputName + "'; " + model.signature().name()
          + " has " + model.ops().outputs().keySet());
    }
    int width = codeSize();
    float[][] results = new float[codes.length][];
    for (int from = 0; from < codes.length; from += Predictor.BATCH) {
      int count = Math.min(Predictor.BATCH, codes.length - from);
      float[] packed = new float[count * width];
      for (int r = 0; r < count; r++) {
        float[] row = codes[from + r];
        if (row == null || row.length != width) {
          throw new IllegalArgumentException("code " + (from + r) + " has " + (row == null ? "no" : row.length)
              + " values, expected " + width);
        }
        System.arraycopy(row, 0, packed, r * width, width);
      }
      long[] dims = codeShape.clone();
      dims[0] = count;
      try (TFloat32 fed = TFloat32.tensorOf(Shape.of(dims))) {
        fed.asRawTensor().data().asFloats().write(packed);
        fetchRows(model.session().runner().feed(code, fed).fetch(output), results, from, count);
      }
    }
    return results;
  }

  private static void fetchRows(Session.Runner runner, float[][] into, int from, int count) {
    try (Result result = runner.run()) {
      TFloat32 values = (TFloat32) result.get(0);
      int width = Math.toIntExact(values.shape().size() / count);
      for (int r = 0; r < count; r++) {
        into[from + r] = new float[width];
        values.asRawTensor().data().asFloats().offset((long) r * width).read(into[from + r]);
      }
    }
  }
}
