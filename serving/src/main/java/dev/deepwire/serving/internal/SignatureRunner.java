package dev.deepwire.serving.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Runs one signature of a loaded SavedModel on Java arrays: feeds its inputs, fetches all its outputs. */
public final class SignatureRunner {

  private final Session session;
  private final ServingSignature signature;

  public SignatureRunner(Session session, ServingSignature signature) {
    this.session = session;
    this.signature = signature;
  }

  public ServingSignature signature() {
    return signature;
  }

  /** Every output, by name, for {@code inputs} (a tensor per signature input, equal row counts). */
  public Map<String, TensorValue> run(Map<String, TensorValue> inputs) {
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (TensorSpec spec : signature.inputs().values()) {
        Tensor tensor = toTensor(inputs.get(spec.name()));
        feeds.add(tensor);
        runner.feed(spec.tensorName(), tensor);
      }
      for (TensorSpec spec : signature.outputs().values()) {
        runner.fetch(spec.tensorName());
      }
      Map<String, TensorValue> outputs = new LinkedHashMap<>();
      try (Result result = runner.run()) {
        int i = 0;
        for (TensorSpec spec : signature.outputs().values()) {
          outputs.put(spec.name(), fromTensor(spec, result.get(i++)));
        }
      }
      return outputs;
    } catch (TFInvalidArgumentException e) {
      throw ServingError.badRequest(e.getMessage());
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  private static Tensor toTensor(TensorValue value) {
    Shape shape = Shape.of(value.dims());
    return value.floats() != null
        ? TFloat32.tensorOf(shape, DataBuffers.of(value.floats(), true, false))
        : TInt32.tensorOf(shape, DataBuffers.of(value.ints(), true, false));
  }

  private static TensorValue fromTensor(TensorSpec spec, Tensor tensor) {
    long[] dims = tensor.shape().asArray();
    int size = Math.toIntExact(tensor.shape().size());
    if (tensor instanceof TFloat32 floats) {
      float[] values = new float[size];
      floats.asRawTensor().data().asFloats().read(values);
      return TensorValue.ofFloats(dims, values);
    }
    if (tensor instanceof TInt32 ints) {
      int[] values = new int[size];
      ints.asRawTensor().data().asInts().read(values);
      return TensorValue.ofInts(dims, values);
    }
    throw ServingError.internal("output '" + spec.name() + "' has type " + spec.dtype()
        + ", which this server cannot write as JSON");
  }
}
