package dev.deepwire.serving.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of TensorFlow Serving's model status and metadata APIs. */
public final class StatusJson {

  private StatusJson() {}

  /** {@code {"model_version_status": [...]}} for {@code versions} (all served ones when null), highest first. */
  public static byte[] status(ModelVersions model, Long version) {
    List<Map<String, Object>> states = new ArrayList<>();
    if (version != null) {
      if (!model.versions().contains(version)) {
        String failure = model.failures().get(version);
        if (failure == null) {
          throw ServingError.notFound("Could not find version " + version + " of model " + model.name());
        }
        states.add(state(version, "END", "UNKNOWN", failure));
      } else {
        states.add(state(version, "AVAILABLE", "OK", ""));
      }
    } else {
      model.versions().stream().sorted(java.util.Comparator.reverseOrder())
          .forEach(v -> states.add(state(v, "AVAILABLE", "OK", "")));
      model.failures().forEach((v, failure) -> states.add(state(v, "END", "UNKNOWN", failure)));
      if (states.isEmpty()) {
        throw ServingError.unavailable("model '" + model.name() + "' has no version loaded yet (watching "
            + model.base() + ")");
      }
    }
    return json(Map.of("model_version_status", states));
  }

  /** {@code {"model_spec": ..., "metadata": {"signature_def": ...}}} of one loaded version. */
  public static byte[] metadata(Servable servable) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", servable.model());
    spec.put("signature_name", "");
    spec.put("version", Long.toString(servable.version()));
    Map<String, Object> signatures = new LinkedHashMap<>();
    servable.signatures().forEach((key, signature) -> signatures.put(key, signature(signature)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model_spec", spec);
    body.put("metadata", Map.of("signature_def", Map.of("signature_def", signatures)));
    return json(body);
  }

  private static Map<String, Object> state(long version, String state, String code, String message) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("version", Long.toString(version));
    entry.put("state", state);
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("error_code", code);
    status.put("error_message", message);
    entry.put("status", status);
    return entry;
  }

  private static Map<String, Object> signature(ServingSignature signature) {
    Map<String, Object> def = new LinkedHashMap<>();
    def.put("inputs", tensors(signature.inputs()));
    def.put("outputs", tensors(signature.outputs()));
    def.put("method_name", signature.methodName());
    return def;
  }

  private static Map<String, Object> tensors(Map<String, TensorSpec> specs) {
    Map<String, Object> all = new LinkedHashMap<>();
    specs.forEach((name, spec) -> {
      List<Map<String, Object>> dims = new ArrayList<>();
      for (long d : spec.dims()) {
        Map<String, Object> dim = new LinkedHashMap<>();
        dim.put("size", Long.toString(d));
        dim.put("name", "");
        dims.add(dim);
      }
      Map<String, Object> shape = new LinkedHashMap<>();
      shape.put("dim", dims);
      shape.put("unknown_rank", false);
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("dtype", spec.dtype().name());
      info.put("tensor_shape", shape);
      info.put("name", spec.tensorName());
      all.put(name, info);
    });
    return all;
  }

  static byte[] json(Object value) {
    try {
      return PredictJson.MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
