package dev.deepwire.serving.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;

/** The streaming reader reads what the tree reader reads, bit for bit, and leaves it everything else. */
class FastPredictJsonTest {

  static final ServingSignature IMAGE = signature(new TensorSpec("image", "x:0", DataType.DT_FLOAT, new long[] {-1, 2, 3}));
  static final ServingSignature IDS = signature(new TensorSpec("ids", "i:0", DataType.DT_INT32, new long[] {-1, 2}));
  static final ServingSignature TWO = signature(
      new TensorSpec("a", "a:0", DataType.DT_FLOAT, new long[] {-1, 3}),
      new TensorSpec("b", "b:0", DataType.DT_FLOAT, new long[] {-1, 2}));
  static final ServingSignature SCALAR = signature(new TensorSpec("s", "s:0", DataType.DT_FLOAT, new long[] {-1}));

  static ServingSignature signature(TensorSpec... inputs) {
    Map<String, TensorSpec> byName = new LinkedHashMap<>();
    for (TensorSpec spec : inputs) {
      byName.put(spec.name(), spec);
    }
    return new ServingSignature("serving_default", "tensorflow/serving/predict", byName, Map.of());
  }

  /** Asserts that both readers give the same request. */
  static void same(String json, ServingSignature signature) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    FastPredictJson.Body fast = FastPredictJson.parse(bytes);
    assertNotNull(fast, json);
    PredictRequest quick = fast.read(signature);
    assertNotNull(quick, json);
    PredictJson.Body body = PredictJson.parse(bytes);
    assertEquals(body.signatureName(), fast.signatureName());
    PredictRequest slow = body.read(signature);
    assertEquals(slow.rowFormat(), quick.rowFormat());
    assertEquals(slow.rows(), quick.rows());
    assertEquals(List.copyOf(slow.inputs().keySet()), List.copyOf(quick.inputs().keySet()));
    slow.inputs().forEach((name, value) -> {
      TensorValue other = quick.inputs().get(name);
      assertArrayEquals(value.dims(), other.dims(), json);
      assertEquals(value.dtype(), other.dtype());
      if (value.floats() != null) {
        for (int i = 0; i < value.floats().length; i++) {
          assertEquals(Float.floatToRawIntBits(value.floats()[i]), Float.floatToRawIntBits(other.floats()[i]),
              json + " element " + i + ": " + value.floats()[i] + " vs " + other.floats()[i]);
        }
      } else {
        assertArrayEquals(value.ints(), other.ints());
      }
    });
  }

  /** Asserts that the streaming reader leaves {@code json} to the tree reader. */
  static void declined(String json, ServingSignature signature) {
    FastPredictJson.Body fast = FastPredictJson.parse(json.getBytes(StandardCharsets.UTF_8));
    assertNull(fast == null ? null : fast.read(signature), json);
  }

  @Test
  void readsTheUsualLayoutsAsTheTreeReaderDoes() {
    same("{\"instances\": [[[1, 2, 3], [4, 5, 6]], [[-1, 0.5, 0], [1e3, -2.5E-2, 7]]]}", IMAGE);
    same(" {\"signature_name\":\"serving_default\",\"instances\":[[[0.0,0.0,0.0],[0.1,0.2,0.3]]]}\n", IMAGE);
    same("{\"inputs\": [[[1, 2, 3], [4, 5, 6]]]}", IMAGE);
    same("{\"inputs\": {\"b\": [[1, 2]], \"a\": [[-0.0, -0, 3]]}}", TWO);
    same("{\"instances\": [[1, -2], [2147483647, -2147483648]]}", IDS);
    same("{\"inputs\": [[1, -2]]}", IDS);
    same("{\"instances\": [1.5, 2, -3e-7]}", SCALAR);
    same("{\"instances\": [900719925474099, 123456789012345678901234567890.5, 1e-300, 4.9e-324, 1e39]}", SCALAR);
  }

  @Test
  void readsNumbersBitForBit() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      StringBuilder json = new StringBuilder("{\"instances\": [");
      for (int i = 0; i < 50; i++) {
        if (i > 0) {
          json.append(',');
        }
        double value = switch (random.nextInt(5)) {
          case 0 -> random.nextFloat();
          case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
          case 2 -> random.nextInt(256) / 255.0;
          case 3 -> (float) (random.nextInt(256) / 255.0);
          default -> random.nextLong() >> (14 + random.nextInt(50));
        };
        json.append(switch (random.nextInt(4)) {
          case 0 -> Double.toString(value);
          case 1 -> Float.toString((float) value);
          case 2 -> String.format("%.9g", value);
          default -> Math.abs(value) < 1e15 ? new java.math.BigDecimal(value).toString() : Double.toString(value);
        });
      }
      same(json.append("]}").toString(), SCALAR);
    }
  }

  @Test
  void leavesErrorsAndUnusualBodiesToTheTreeReader() {
    for (String json : List.of("", "[]", "{}", "{\"instances\": []}", "{\"instances\": [[]]}",
        "{\"instances\": [[1, 2], [3]]}", "{\"instances\": [[1, 2], 3]}", "{\"instances\": [1, [2]]}",
        "{\"instances\": [NaN, 1]}", "{\"instances\": [null]}", "{\"instances\": [\"1\"]}",
        "{\"instances\": [1], \"inputs\": [1]}", "{\"instances\": [1], \"instances\": [2]}",
        "{\"instances\": [01]}", "{\"instances\": [1.]}", "{\"instances\": [.5]}", "{\"instances\": [1e]}",
        "{\"instances\": [-]}", "{\"instances\": [1,]}", "{\"instances\": [1] ", "{\"instances\": [1]} x",
        "{\"instances\": [1], \"other\": 1}", "{\"signature_name\": 1, \"instances\": [1]}",
        "{\"signature_name\": \"a\\\"b\", \"instances\": [1]}", "{\"instances\": [{\"s\": 1}]}",
        "{\"instances\": [[1, 2, 3]]}", "{\"inputs\": 1}", "{\"inputs\": {}}")) {
      declined(json, SCALAR);
    }
    declined("{\"instances\": [9007199254740993]}", SCALAR);
    declined("{\"instances\": [[1.5, 2]]}", IDS);
    declined("{\"instances\": [[2147483648, 2]]}", IDS);
    declined("{\"inputs\": {\"a\": [[1, 2, 3]]}}", TWO);
    declined("{\"inputs\": {\"a\": [[1, 2, 3]], \"b\": [[1, 2]], \"c\": [[1]]}}", TWO);
    declined("{\"inputs\": {\"a\": [[1, 2, 3]], \"b\": [[1, 2], [3, 4]]}}", TWO);
    declined("{\"instances\": [[1, 2, 3]]}", TWO);
  }
}
