package dev.deepwire.serving.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.SignatureDef;

/**
 * A signature of a loaded SavedModel: its key, method name and named inputs and outputs (sorted by name,
 * as TensorFlow Serving orders them).
 */
public record ServingSignature(String key, String methodName, Map<String, TensorSpec> inputs,
    Map<String, TensorSpec> outputs) {

  public ServingSignature {
    inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  /** The signature {@code key} described by {@code def}. */
  public static ServingSignature of(String key, SignatureDef def) {
    Map<String, TensorSpec> inputs = new LinkedHashMap<>();
    new TreeMap<>(def.getInputsMap()).forEach((name, info) -> inputs.put(name, TensorSpec.of(name, info)));
    Map<String, TensorSpec> outputs = new LinkedHashMap<>();
    new TreeMap<>(def.getOutputsMap()).forEach((name, info) -> outputs.put(name, TensorSpec.of(name, info)));
    return new ServingSignature(key, def.getMethodName(), inputs, outputs);
  }
}
