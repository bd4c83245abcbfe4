package dev.deepwire.benchmarks.abuse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * A seeded stream of hostile requests against one served model: broken JSON, wrong shapes and types, NaN,
 * huge and deep bodies, unknown models, versions and signatures, path tricks, wrong methods and tokens, broken
 * HTTP framing and aborted uploads; each with the answers that are right for it.
 */
final class HostileRequests {

  private static final Set<Integer> BAD_REQUEST = Set.of(400);
  private static final Set<Integer> NOT_FOUND = Set.of(404);
  private static final Set<Integer> BAD_OR_NOT_FOUND = Set.of(400, 404);

  private final String model;
  private final int rows;
  private final int columns;
  private final String token;
  private final int maxRows;
  private final long maxBodyBytes;
  private final List<Function<Random, Attack>> kinds;

  /**
   * @param model the served model, whose examples are {@code rows x columns} floats
   * @param token the bearer token the server requires
   */
  HostileRequests(String model, int rows, int columns, String token, int maxRows, long maxBodyBytes) {
    this.model = model;
    this.rows = rows;
    this.columns = columns;
    this.token = token;
    this.maxRows = maxRows;
    this.maxBodyBytes = maxBodyBytes;
    this.kinds = List.of(this::badJson, this::wrongTopLevel, this::wrongShape, this::wrongType, this::nonFinite,
        this::hugeNumbers, this::deepNesting, this::hugeBody, this::lyingLength, this::tooManyRows,
        this::unknownModel, this::unknownVersion, this::unknownSignature, this::pathTricks, this::wrongMethod,
        this::badToken, this::brokenHttp, this::abortedUpload, this::invalidUtf8);
  }

  /** The next attack, of a kind drawn from {@code random}. */
  Attack next(Random random) {
    return kinds.get(random.nextInt(kinds.size())).apply(random);
  }

  /** A good request: one random example, row format. */
  byte[] good(Random random) {
    return post(predictPath(), instances(1, random), token);
  }

  /** The good request's body alone. */
  String goodBody(Random random) {
    return instances(1, random);
  }

  String predictPath() {
    return "/v1/models/" + model + ":predict";
  }

  // ------------------------------------------------------------------ the attacks

  private Attack badJson(Random r) {
    String[] bodies = {"{", "{\"instances\": [1, 2", "nonsense", "{\"instances\": }", "{\"instances\": [[1,]]}",
        "{'instances': [[1]]}", "{\"instances\": [[1 2]]}", "\u0000\u0001\u0002", "{\"instances\": [[0x10]]}",
        randomText(r, 200)};
    return new Attack("bad JSON", post(predictPath(), pick(r, bodies), token), BAD_REQUEST);
  }

  private Attack wrongTopLevel(Random r) {
    String[] bodies = {"[]", "null", "\"x\"", "42", "{}", "{\"foo\": 1}", "{\"instances\": [], \"inputs\": []}",
        "{\"instances\": {}}", "{\"instances\": null}", "{\"inputs\": {\"nope\": [[1]]}}", ""};
    return new Attack("wrong top level", post(predictPath(), pick(r, bodies), token), BAD_REQUEST);
  }

  private Attack wrongShape(Random r) {
    String body = switch (r.nextInt(5)) {
      case 0 -> "{\"instances\": " + matrix(1, rows - 1, columns, r) + "}";
      case 1 -> "{\"instances\": [[1, 2, 3]]}";
      case 2 -> "{\"instances\": [[[1, 2], [3]]]}";
      case 3 -> "{\"instances\": [" + instanceText(r) + ", [[1]]]}";
      default -> "{\"instances\": [[" + instanceText(r) + "]]}";
    };
    return new Attack("wrong shape", post(predictPath(), body, token), BAD_REQUEST);
  }

  private Attack wrongType(Random r) {
    String[] values = {"\"a\"", "true", "{}", "null", "[]"};
    StringBuilder example = new StringBuilder(instanceText(r));
    int at = example.indexOf(",", r.nextInt(Math.max(1, example.length() - 10)));
    example.replace(at + 1, at + 1, pick(r, values) + ",");
    String body = r.nextBoolean() ? "{\"instances\": [" + example + "]}" : "{\"instances\": [" + pick(r, values) + "]}";
    return new Attack("wrong type", post(predictPath(), body, token), BAD_REQUEST);
  }

  /** NaN and infinities are accepted, as TF Serving does: the right answer is 200. */
  private Attack nonFinite(Random r) {
    String example = instanceText(r).replaceFirst("-?\\d\\.\\d+", pick(r, new String[] {"NaN", "Infinity", "-Infinity"}));
    return new Attack("NaN and infinities", post(predictPath(), "{\"instances\": [" + example + "]}", token),
        Set.of(200));
  }

  private Attack hugeNumbers(Random r) {
    String example = instanceText(r).replaceFirst("-?\\d\\.\\d+",
        pick(r, new String[] {"1e400", "-1e400", "123456789012345678901234567890", "1e-400", "-0"}));
    return new Attack("huge numbers", post(predictPath(), "{\"instances\": [" + example + "]}", token),
        Set.of(200, 400));
  }

  private Attack deepNesting(Random r) {
    int depth = 1000 + r.nextInt(200_000);
    String body = "{\"instances\": " + "[".repeat(depth) + "1" + "]".repeat(r.nextBoolean() ? depth : depth / 2) + "}";
    return new Attack("deep nesting", post(predictPath(), body, token), Set.of(400, 413));
  }

  private Attack hugeBody(Random r) {
    String instance = instanceText(r);
    StringBuilder body = new StringBuilder("{\"instances\": [");
    while (body.length() <= maxBodyBytes) {
      body.append(instance).append(',');
    }
    body.append(instance).append("]}");
    return new Attack("body over the limit", post(predictPath(), body.toString(), token), Set.of(413));
  }

  private Attack lyingLength(Random r) {
    String body = "{\"instances\": [" + instanceText(r) + "]}";
    long declared = r.nextBoolean() ? maxBodyBytes * 1000 : Long.MAX_VALUE / 2;
    byte[] request = ("POST " + predictPath() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n" + body)
        .getBytes(StandardCharsets.UTF_8);
    return new Attack("declared length over the limit", request, Set.of(413, 400));
  }

  private Attack tooManyRows(Random r) {
    return new Attack("too many rows", post(predictPath(), instances(maxRows + 1 + r.nextInt(5), r), token),
        BAD_REQUEST);
  }

  private Attack unknownModel(Random r) {
    String name = pick(r, new String[] {"nope", model + "x", "FASHION", "a".repeat(300), "%C3%A9t%C3%A9"});
    return new Attack("unknown model", post("/v1/models/" + name + ":predict", goodBody(r), token), NOT_FOUND);
  }

  private Attack unknownVersion(Random r) {
    String version = pick(r, new String[] {"0", "999", "123456789012345678"});
    return new Attack("unknown version",
        post("/v1/models/" + model + "/versions/" + version + ":predict", goodBody(r), token), NOT_FOUND);
  }

  private Attack unknownSignature(Random r) {
    String body = "{\"signature_name\": \"" + pick(r, new String[] {"nope", "", "serving_defaultx"}) + "\", "
        + goodBody(r).substring(1);
    Set<Integer> expected = body.contains("\"\"") ? Set.of(200) : BAD_OR_NOT_FOUND;
    return new Attack("unknown signature", post(predictPath(), body, token), expected);
  }

  private Attack pathTricks(Random r) {
    String path = pick(r, new String[] {"/v1/models/../../etc/passwd", "/v1/models/..%2F..%2Fetc%2Fpasswd",
        "/v1/models/" + model + "/versions/-1:predict", "/v1/models/" + model + "/versions/abc:predict",
        "/v1/models/" + model + ":explode", "/v1/models/%00:predict", "/v1/models/" + model + "%2F..:predict",
        "/v2/models/" + model + ":predict", "//v1//models//" + model + ":predict", "/v1/models/" + model
        + "/versions/99999999999999999999:predict"});
    return new Attack("path tricks", post(path, goodBody(r), token), Set.of(400, 404));
  }

  private Attack wrongMethod(Random r) {
    String method = pick(r, new String[] {"GET", "PUT", "DELETE", "PATCH"});
    byte[] request = (method + " " + predictPath() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + token + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    return new Attack("wrong method", request, Set.of(405));
  }

  private Attack badToken(Random r) {
    String authorization = pick(r, new String[] {null, "Bearer", "Bearer wrong", "Basic " + token, "Bearer "
        + token.substring(1), "Bearer " + token + token});
    return new Attack("missing or wrong token",
        post(predictPath(), goodBody(r).getBytes(StandardCharsets.UTF_8), authorization), Set.of(401));
  }

  private Attack brokenHttp(Random r) {
    String[] requests = {"BLAH\r\n\r\n", "POST " + predictPath() + " HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        "POST " + predictPath() + " HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n",
        "POST " + predictPath() + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nxx\r\n",
        "POST " + predictPath() + " HTTP/9.9\r\nHost: x\r\n\r\n",
        "POST " + predictPath() + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n12345",
        "POST " + predictPath() + " HTTP/1.1\r\nHost: x\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\n"};
    Set<Integer> expected = Set.of(400, 401, 413, 431, 501, 505, RawHttp.CLOSED);
    return new Attack("broken HTTP", pick(r, requests).getBytes(StandardCharsets.US_ASCII), expected);
  }

  private Attack abortedUpload(Random r) {
    byte[] request = post(predictPath(), instances(3, r), token);
    return new Attack("aborted upload", request, Set.of(RawHttp.CLOSED), request.length / 2 + r.nextInt(100));
  }

  private Attack invalidUtf8(Random r) {
    byte[] prefix = "{\"instances\": [[\"".getBytes(StandardCharsets.US_ASCII);
    byte[] junk = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
    byte[] suffix = "\"]]}".getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[prefix.length + junk.length + suffix.length];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    System.arraycopy(junk, 0, body, prefix.length, junk.length);
    System.arraycopy(suffix, 0, body, prefix.length + junk.length, suffix.length);
    return new Attack("invalid UTF-8", post(predictPath(), body, "Bearer " + token), BAD_REQUEST);
  }

  // ------------------------------------------------------------------ helpers

  private String instances(int count, Random r) {
    StringBuilder json = new StringBuilder("{\"instances\": [");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",").append(instanceText(r));
    }
    return json.append("]}").toString();
  }

  private String instanceText(Random r) {
    return matrix(rows, columns, r).toString();
  }

  private static StringBuilder matrix(int rows, int columns, Random r) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < rows; i++) {
      json.append(i == 0 ? "[" : ",[");
      for (int j = 0; j < columns; j++) {
        // 0.ddd, written digit by digit: formatting millions of numbers must not slow the attackers down.
        json.append(j == 0 ? "0." : ",0.").append(r.nextInt(10)).append(r.nextInt(10)).append(r.nextInt(10));
      }
      json.append(']');
    }
    return json.append(']');
  }

  private static String matrix(int examples, int rows, int columns, Random r) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < examples; i++) {
      json.append(i == 0 ? "" : ",").append(matrix(rows, columns, r));
    }
    return json.append(']').toString();
  }

  private static String randomText(Random r, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) (32 + r.nextInt(95)));
    }
    return text.toString();
  }

  /** A POST of {@code body}, with {@code token} as a bearer token unless null. */
  static byte[] post(String path, String body, String token) {
    return post(path, body.getBytes(StandardCharsets.UTF_8), token == null ? null : "Bearer " + token);
  }

  /** A POST of {@code body} with the {@code Authorization} header as given (none when null). */
  static byte[] post(String path, byte[] body, String authorization) {
    String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  private static <T> T pick(Random r, T[] options) {
    return options[r.nextInt(options.length)];
  }
}
