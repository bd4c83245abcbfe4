package dev.deepwire.serving.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of TensorFlow Serving's predict API: the request body ({@code signature_name}, and
 * {@code instances} or {@code inputs}) and the response ({@code predictions} or {@code outputs}).
 * {@code NaN}, {@code Infinity} and {@code -Infinity} are read and written as bare literals, as TensorFlow
 * Serving does.
 */
public final class PredictJson {

  /** The mapper for every JSON body of the server. */
  public static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .build();

  private PredictJson() {}

  /** A request body, parsed but not yet checked against a signature. */
  public record Body(String signatureName, JsonNode instances, JsonNode inputs) {

    /** Reads this body's tensors against {@code signature}. */
    public PredictRequest read(ServingSignature signature) {
      return instances != null ? readRows(signature) : readColumns(signature);
    }

    private PredictRequest readRows(ServingSignature signature) {
      if (!instances.isArray()) {
        throw ServingError.badRequest("'instances' must be a list, got " + instances.getNodeType());
      }
      if (instances.isEmpty()) {
        throw ServingError.badRequest("'instances' is empty");
      }
      boolean named = instances.get(0).isObject();
      Map<String, List<JsonNode>> columns = new LinkedHashMap<>();
      if (!named) {
        TensorSpec only = single(signature, "instances");
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode instance : instances) {
          if (instance.isObject()) {
            throw ServingError.badRequest("'instances' mixes named (objects) and unnamed values");
          }
          rows.add(instance);
        }
        columns.put(only.name(), rows);
      } else {
        signature.inputs().keySet().forEach(name -> columns.put(name, new ArrayList<>()));
        for (int i = 0; i < instances.size(); i++) {
          JsonNode instance = instances.get(i);
          if (!instance.isObject()) {
            throw ServingError.badRequest("'instances' mixes named (objects) and unnamed values");
          }
          checkNames(signature, instance, "instance " + i);
          for (Map.Entry<String, List<JsonNode>> column : columns.entrySet()) {
            JsonNode value = instance.get(column.getKey());
            if (value == null) {
              throw ServingError.badRequest("instance " + i + " lacks input '" + column.getKey()
                  + "'; the signature takes " + signature.inputs().keySet());
            }
            column.getValue().add(value);
          }
        }
      }
      Map<String, TensorValue> tensors = new LinkedHashMap<>();
      columns.forEach((name, rows) ->
          tensors.put(name, JsonTensors.readExamples(rows, signature.inputs().get(name), "instance")));
      return new PredictRequest(true, tensors, instances.size());
    }

    private PredictRequest readColumns(ServingSignature signature) {
      Map<String, TensorValue> tensors = new LinkedHashMap<>();
      if (inputs.isObject()) {
        checkNames(signature, inputs, "'inputs'");
        for (TensorSpec spec : signature.inputs().values()) {
          JsonNode value = inputs.get(spec.name());
          if (value == null) {
            throw ServingError.badRequest("'inputs' lacks input '" + spec.name() + "'; the signature takes "
                + signature.inputs().keySet());
          }
          tensors.put(spec.name(), JsonTensors.readBatch(value, spec));
        }
      } else {
        TensorSpec only = single(signature, "inputs");
        tensors.put(only.name(), JsonTensors.readBatch(inputs, only));
      }
      int rows = -1;
      for (Map.Entry<String, TensorValue> tensor : tensors.entrySet()) {
        if (rows >= 0 && tensor.getValue().rows() != rows) {
          throw ServingError.badRequest("input '" + tensor.getKey() + "' has " + tensor.getValue().rows()
              + " rows, the others " + rows + "; every input needs the same batch size");
        }
        rows = tensor.getValue().rows();
      }
      if (rows == 0) {
        throw ServingError.badRequest("'inputs' has no rows");
      }
      return new PredictRequest(false, tensors, rows);
    }

    private static TensorSpec single(ServingSignature signature, String key) {
      if (signature.inputs().size() != 1) {
        throw ServingError.badRequest("the signature takes " + signature.inputs().size() + " inputs "
            + signature.inputs().keySet() + ": name them in '" + key + "' with JSON objects");
      }
      return signature.inputs().values().iterator().next();
    }

    private static void checkNames(ServingSignature signature, JsonNode object, String where) {
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!signature.inputs().containsKey(name)) {
          throw ServingError.badRequest(where + " names input '" + name + "', which the signature lacks; it takes "
              + signature.inputs().keySet());
        }
      }
    }
  }

  /** Parses a request body; malformed JSON or a wrong layout is a 400. */
  public static Body parse(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ServingError.badRequest("JSON Parse error: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw ServingError.badRequest("the request body must be a JSON object");
    }
    ObjectNode object = (ObjectNode) root;
    JsonNode instances = object.get("instances");
    JsonNode inputs = object.get("inputs");
    if (instances != null && inputs != null) {
      throw ServingError.badRequest("Not both 'inputs' and 'instances' can be set");
    }
    if (instances == null && inputs == null) {
      throw ServingError.badRequest("Missing 'inputs' or 'instances' key");
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("instances") && !name.equals("inputs") && !name.equals("signature_name")) {
        throw ServingError.badRequest("unknown key '" + name
            + "'; a predict request has 'signature_name' and 'instances' or 'inputs'");
      }
    }
    JsonNode signature = object.get("signature_name");
    if (signature != null && !signature.isTextual()) {
      throw ServingError.badRequest("'signature_name' must be a string");
    }
    return new Body(signature == null ? null : signature.asText(), instances, inputs);
  }

  /** The response to {@code request}: {@code predictions} for rows, {@code outputs} for columns. */
  public static byte[] response(PredictRequest request, Map<String, TensorValue> outputs) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 16 * request.rows());
    try (JsonGenerator out = MAPPER.getFactory().createGenerator(bytes)) {
      out.writeStartObject();
      boolean single = outputs.size() == 1;
      if (request.rowFormat()) {
        out.writeFieldName("predictions");
        out.writeStartArray();
        for (int r = 0; r < request.rows(); r++) {
          if (single) {
            JsonTensors.writeRow(out, outputs.values().iterator().next(), r);
          } else {
            out.writeStartObject();
            for (Map.Entry<String, TensorValue> output : outputs.entrySet()) {
              out.writeFieldName(output.getKey());
              JsonTensors.writeRow(out, output.getValue(), r);
            }
            out.writeEndObject();
          }
        }
        out.writeEndArray();
      } else {
        out.writeFieldName("outputs");
        if (single) {
          JsonTensors.writeAll(out, outputs.values().iterator().next());
        } else {
          out.writeStartObject();
          for (Map.Entry<String, TensorValue> output : outputs.entrySet()) {
            out.writeFieldName(output.getKey());
            JsonTensors.writeAll(out, output.getValue());
          }
          out.writeEndObject();
        }
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** {@code {"error": message}}. */
  public static byte[] error(String message) {
    try {
      return MAPPER.writeValueAsBytes(Map.of("error", message == null ? "unknown error" : message));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
