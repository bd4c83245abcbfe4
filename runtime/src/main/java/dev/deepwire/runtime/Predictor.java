package dev.deepwire.runtime;

import dev.deepwire.annotations.DType;
import dev.deepwire.runtime.ModelSignature.InputSpec;
import dev.deepwire.runtime.ModelSignature.OutputSpec;
import dev.deepwire.runtime.internal.InputTensors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;

/**
 * Runs a model's forward pass (inference mode) on plain Java arrays. Thread-safe: concurrent calls run
 * concurrently on the shared session. Large inputs run in batches of {@value #BATCH} examples.
 *
 * <p>An example is given flattened row-major: an input of shape {@code [28, 28]} takes 784 floats.
 *
 * @param <M> the annotated model class
 */
public final class Predictor<M> {

  /** Examples per session run. */
  public static final int BATCH = 256;

  private final CompiledModel<M> model;

  Predictor(CompiledModel<M> model) {
    this.model = model;
  }

  /** The model's signature: input and output names and shapes. */
  public ModelSignature signature() {
    return model.signature();
  }

  /**
   * The single output for one example of the single input. The low-latency path: a pooled runner with its
   * feed tensor ready, no per-call graph or tensor work.
   */
  public float[] predict(float[] example) {
    ModelSignature signature = model.signature();
    if (signature.inputs().size() != 1 || signature.outputs().size() != 1) {
      return predict(new float[][] {example})[0]; // fails, naming the inputs and outputs
    }
    InputSpec input = signature.inputs().get(0);
    if (example == null || example.length != input.size()) {
      checkInputs(signature, Map.of(input.name(), new float[][] {example})); // fails with the batch path's message
    }
    return model.singleExample().predict(example);
  }

  /** The single output for each example of the single input. */
  public float[][] predict(float[][] examples) {
    ModelSignature signature = model.signature();
    requireOneInputAndOutput(signature);
    String input = signature.inputs().get(0).name();
    String output = signature.outputs().get(0).name();
    return predict(Map.of(input, examples)).get(output);
  }

  /**
   * The single output for examples laid end to end in one array ({@code count × input size} floats), laid end
   * to end the same way: no per-example arrays, which matters at high request rates (less garbage, a smaller
   * heap). The single input must take floats.
   */
  public float[] predictFlat(float[] examples) {
    ModelSignature signature = model.signature();
    requireOneInputAndOutput(signature);
    InputSpec input = signature.inputs().get(0);
    if (input.dtype() != DType.FLOAT32) {
      throw new IllegalStateException("input '" + input.name() + "' takes " + input.dtype()
          + " token ids; use predict(float[][])");
    }
    if (examples == null || examples.length == 0 || examples.length % input.size() != 0) {
      throw new IllegalArgumentException("input '" + input.name() + "' takes examples of " + input.size()
          + " floats laid end to end; got " + (examples == null ? "null" : examples.length + " floats"));
    }
    int rows = examples.length / input.size();
    int width = signature.outputs().get(0).size();
    float[] scores = new float[rows * width];
    Operand<TFloat32> output = model.ops().outputs().values().iterator().next();
    for (int from = 0; from < rows; from += BATCH) {
      int count = Math.min(BATCH, rows - from);
      try (Tensor feed = InputTensors.of(input, examples, from, count);
           Result result = model.session().runner().feed(model.ops().inputs().get(input.name()), feed)
               .fetch(output).run()) {
        ((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(scores, from * width, count * width);
      }
    }
    return scores;
  }

  /**
   * A predictor that reads sequences one time step per call and carries every recurrent layer's state from
   * one call to the next (generation), starting from the weights as they are now. Close it when done.
   */
  public StatefulPredictor<M> stateful() {
    return StatefulPredictor.of(model);
  }

  /** The index of the largest value of the single output: the predicted class. */
  public int predictClass(float[] example) {
    float[] scores = predict(example);
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * The code vector of each example of the single input: the output of the layer the model's
   * {@code @Encoder} part ends in (the mean, for a VAE).
   *
   * @throws IllegalStateException if the model marks no {@code @Encoder}/{@code @Decoder} layers
   */
  public float[][] encode(float[][] examples) {
    return encode(Map.of(singleInput(), examples));
  }

  /** The code vector of each example, with every input given by name. */
  public float[][] encode(Map<String, float[][]> inputs) {
    return codec().encode(inputs, this);
  }

  /** The single output computed from each code by the {@code @Decoder} part alone, e.g. samples of a VAE. */
  public float[][] decode(float[][] codes) {
    ModelSignature signature = model.signature();
    if (signature.outputs().size() != 1) {
      throw new IllegalStateException(signature.name() + " has " + signature.outputs().size()
          + " outputs; use decode(codes, outputName)");
    }
    return decode(codes, signature.outputs().get(0).name());
  }

  /** Output {@code outputName} computed from each code by the {@code @Decoder} part alone. */
  public float[][] decode(float[][] codes, String outputName) {
    return codec().decode(codes, outputName);
  }

  /** Values per code vector. */
  public int codeSize() {
    return codec().codeSize();
  }

  private Codec codec() {
    return new Codec(model);
  }

  private String singleInput() {
    ModelSignature signature = model.signature();
    if (signature.inputs().size() != 1) {
      throw new IllegalStateException(signature.name() + " has " + signature.inputs().size()
          + " inputs; name them in a Map");
    }
    return signature.inputs().get(0).name();
  }

  int checkedRows(Map<String, float[][]> inputs) {
    return checkInputs(model.signature(), inputs);
  }

  /**
   * Every output, for examples of every input.
   *
   * @param inputs by input name, one flattened row per example; all inputs have the same number of rows
   * @return by output name, one flattened row per example
   */
  public Map<String, float[][]> predict(Map<String, float[][]> inputs) {
    ModelSignature signature = model.signature();
    int rows = checkInputs(signature, inputs);
    Map<String, float[][]> results = new LinkedHashMap<>();
    for (OutputSpec out : signature.outputs()) {
      results.put(out.name(), new float[rows][]);
    }
    for (int from = 0; from < rows; from += BATCH) {
      runBatch(signature, inputs, from, Math.min(BATCH, rows - from), results);
    }
    return results;
  }

  private void runBatch(ModelSignature signature, Map<String, float[][]> inputs, int from, int count,
      Map<String, float[][]> results) {
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner runner = model.session().runner();
      for (InputSpec spec : signature.inputs()) {
        Tensor tensor = InputTensors.of(spec, inputs.get(spec.name()), from, count);
        feeds.add(tensor);
        runner.feed(model.ops().inputs().get(spec.name()), tensor);
      }
      List<String> names = new ArrayList<>(model.ops().outputs().keySet());
      for (String name : names) {
        Operand<TFloat32> output = model.ops().outputs().get(name);
        runner.fetch(output);
      }
      try (Result result = runner.run()) {
        for (int o = 0; o < names.size(); o++) {
          TFloat32 values = (TFloat32) result.get(o);
          int width = Math.toIntExact(values.shape().size() / count);
          float[][] rows = results.get(names.get(o));
          FloatDataBuffer data = values.asRawTensor().data().asFloats();
          for (int r = 0; r < count; r++) {
            rows[from + r] = new float[width];
            data.offset((long) r * width).read(rows[from + r]);
          }
        }
      }
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  private static void requireOneInputAndOutput(ModelSignature signature) {
    if (signature.inputs().size() != 1 || signature.outputs().size() != 1) {
      throw new IllegalStateException(signature.name() + " has " + signature.inputs().size() + " inputs and "
          + signature.outputs().size() + " outputs; use predict(Map) and name them");
    }
  }

  private static int checkInputs(ModelSignature signature, Map<String, float[][]> inputs) {
    int rows = -1;
    for (InputSpec spec : signature.inputs()) {
      float[][] given = inputs.get(spec.name());
      if (given == null) {
        throw new IllegalArgumentException("missing input '" + spec.name() + "'; " + signature.name()
            + " takes " + signature.inputs());
      }
      if (rows >= 0 && given.length != rows) {
        throw new IllegalArgumentException("input '" + spec.name() + "' has " + given.length
            + " examples, the others " + rows);
      }
      rows = given.length;
      for (int r = 0; r < given.length; r++) {
        if (given[r] == null || given[r].length != spec.size()) {
          throw new IllegalArgumentException("example " + r + " of input '" + spec.name() + "' has "
              + (given[r] == null ? "no" : given[r].length) + " values, expected " + spec.size()
              + " (shape " + java.util.Arrays.toString(spec.shape()) + ")");
        }
      }
    }
    for (String name : inputs.keySet()) {
      if (signature.input(name).isEmpty()) {
        throw new IllegalArgumentException("unknown input '" + name + "'; " + signature.name()
            + " takes " + signature.inputs());
      }
    }
    return Math.max(rows, 0);
  }
}
