package dev.deepwire.serving.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.proto.DataType;

/**
 * A streaming reader of predict bodies, straight into arrays: no JSON tree, no boxed numbers. It reads the
 * common, well-formed bodies only ({@code instances} as one nested list for a one-input signature,
 * {@code inputs} as a nested list or an object of nested lists) and gives up ({@code null}) on anything else,
 * malformed or unusual, which {@link PredictJson} then reads, answering exactly as it always did. What it
 * reads equals what {@link PredictJson} reads, bit for bit: a decimal becomes the nearest double, then a float;
 * an integer (up to 15 digits, else the tree reader) becomes a float or an int32.
 */
final class FastPredictJson {

  private static final int MAX_RANK = 32;
  /** The largest mantissa a double holds exactly; decimals with more go to {@link Double#parseDouble}. */
  private static final long MAX_EXACT = 1L << 53;
  private static final double[] POWERS = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  private FastPredictJson() {}

  /** A rectangular nested list of numbers, row-major; {@code integral} when every number is a JSON int32. */
  record Dense(long[] dims, double[] values, int size, boolean integral) {}

  /**
   * A body read without a signature.
   *
   * @param instances the {@code instances} list, or null
   * @param inputs the {@code inputs} list ({@link Dense}) or object ({@code Map<String, Dense>}), or null
   */
  record Body(String signatureName, Dense instances, Object inputs) {

    /** This body's tensors against {@code signature}, or null where {@link PredictJson} must read it. */
    PredictRequest read(ServingSignature signature) {
      Map<String, TensorValue> tensors = new LinkedHashMap<>();
      if (instances != null) {
        if (signature.inputs().size() != 1 || instances.dims().length == 0) {
          return null;
        }
        TensorSpec spec = signature.inputs().values().iterator().next();
        long[] dims = instances.dims();
        long[] example = Arrays.copyOfRange(dims, 1, dims.length);
        TensorValue value = fits(example, spec.exampleDims()) ? tensor(instances, spec) : null;
        if (value == null) {
          return null;
        }
        tensors.put(spec.name(), value);
        return new PredictRequest(true, tensors, value.rows());
      }
      if (inputs instanceof Dense dense) {
        if (signature.inputs().size() != 1) {
          return null;
        }
        TensorSpec spec = signature.inputs().values().iterator().next();
        TensorValue value = dense.dims().length > 0 && fits(dense.dims(), spec.dims()) ? tensor(dense, spec) : null;
        if (value == null) {
          return null;
        }
        tensors.put(spec.name(), value);
        return new PredictRequest(false, tensors, value.rows());
      }
      @SuppressWarnings("unchecked")
      Map<String, Dense> named = (Map<String, Dense>) inputs;
      if (named.size() != signature.inputs().size()) {
        return null;
      }
      int rows = -1;
      for (TensorSpec spec : signature.inputs().values()) {
        Dense dense = named.get(spec.name());
        if (dense == null || dense.dims().length == 0 || !fits(dense.dims(), spec.dims())) {
          return null;
        }
        TensorValue value = tensor(dense, spec);
        if (value == null || (rows >= 0 && value.rows() != rows)) {
          return null;
        }
        rows = value.rows();
        tensors.put(spec.name(), value);
      }
      return rows > 0 ? new PredictRequest(false, tensors, rows) : null;
    }
  }

  private static TensorValue tensor(Dense dense, TensorSpec spec) {
    int size = dense.size();
    double[] values = dense.values();
    if (spec.dtype() == DataType.DT_FLOAT) {
      float[] floats = new float[size];
      for (int i = 0; i < size; i++) {
        floats[i] = (float) values[i];
      }
      return TensorValue.ofFloats(dense.dims(), floats);
    }
    if (spec.dtype() == DataType.DT_INT32 && dense.integral()) {
      int[] ints = new int[size];
      for (int i = 0; i < size; i++) {
        ints[i] = (int) values[i];
      }
      return TensorValue.ofInts(dense.dims(), ints);
    }
    return null;
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

  /** Reads {@code body}, or null where {@link PredictJson} must (errors, unusual layouts). */
  static Body parse(byte[] body) {
    return new Reader(body).body();
  }

  /**
   * A strict reader of the JSON subset that predict bodies use: objects, arrays, numbers and plain ASCII
   * strings. Anything else (escapes, literals such as {@code NaN} or {@code null}, malformed text) stops it,
   * and the body goes to {@link PredictJson}.
   */
  private static final class Reader {
    private final byte[] in;
    private int at;
    private final long[] dims = new long[MAX_RANK];
    private int rank;
    private double[] values;
    private int size;
    private boolean integral;

    Reader(byte[] in) {
      this.in = in;
    }

    Body body() {
      if (next() != '{') {
        return null;
      }
      at++;
      String signatureName = null;
      boolean signatureSeen = false;
      Dense instances = null;
      Object inputs = null;
      if (next() != '}') {
        while (true) {
          String name = key();
          if (name == null) {
            return null;
          }
          switch (name) {
            case "signature_name" -> {
              if (signatureSeen || next() != '"') {
                return null;
              }
              signatureSeen = true;
              signatureName = string();
              if (signatureName == null) {
                return null;
              }
            }
            case "instances" -> {
              if (instances != null || next() != '[') {
                return null;
              }
              instances = dense();
              if (instances == null) {
                return null;
              }
            }
            case "inputs" -> {
              if (inputs != null) {
                return null;
              }
              if (next() == '{') {
                at++;
                Map<String, Dense> named = new LinkedHashMap<>();
                if (next() == '}') {
                  return null;
                }
                while (true) {
                  String input = key();
                  Dense dense = input == null ? null : dense();
                  if (dense == null || named.put(input, dense) != null) {
                    return null;
                  }
                  int c = next();
                  at++;
                  if (c == '}') {
                    break;
                  }
                  if (c != ',') {
                    return null;
                  }
                }
                inputs = named;
              } else {
                inputs = dense();
                if (inputs == null) {
                  return null;
                }
              }
            }
            default -> {
              return null;
            }
          }
          int c = next();
          if (c == '}') {
            break;
          }
          if (c != ',') {
            return null;
          }
          at++;
        }
      }
      at++;
      if (next() != -1 || (instances == null) == (inputs == null)) {
        return null;
      }
      return new Body(signatureName, instances, inputs);
    }

    /** The next byte after white space, or -1 at the end; does not move past it. */
    private int next() {
      while (at < in.length) {
        byte b = in[at];
        if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
          return b;
        }
        at++;
      }
      return -1;
    }

    /** {@code "name":}, or null. */
    private String key() {
      if (next() != '"') {
        return null;
      }
      String name = string();
      if (name == null || next() != ':') {
        return null;
      }
      at++;
      return name;
    }

    /** A string of printable ASCII without escapes, {@link #at} on its opening quote; else null. */
    private String string() {
      int start = ++at;
      while (at < in.length) {
        byte b = in[at];
        if (b == '"') {
          String text = new String(in, start, at - start, StandardCharsets.ISO_8859_1);
          at++;
          return text;
        }
        if (b < 0x20 || b == '\\') {
          return null;
        }
        at++;
      }
      return null;
    }

    /** A rectangular nested list of numbers, or a number; else null. */
    private Dense dense() {
      Arrays.fill(dims, -1);
      rank = -1;
      size = 0;
      integral = true;
      values = new double[256];
      if (!value(0)) {
        return null;
      }
      return new Dense(Arrays.copyOf(dims, rank), values, size, integral);
    }

    private boolean value(int depth) {
      int c = next();
      if (c == '[') {
        if (depth >= MAX_RANK - 1 || (rank >= 0 && depth >= rank)) {
          return false;
        }
        at++;
        long count = 0;
        if (next() != ']') {
          while (true) {
            if (!value(depth + 1)) {
              return false;
            }
            count++;
            c = next();
            at++;
            if (c == ']') {
              break;
            }
            if (c != ',') {
              return false;
            }
          }
        } else {
          return false;
        }
        if (dims[depth] < 0) {
          dims[depth] = count;
        } else if (dims[depth] != count) {
          return false;
        }
        return true;
      }
      if (rank < 0) {
        rank = depth;
      } else if (depth != rank) {
        return false;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      return number();
    }

    /**
     * A JSON number into {@link #values}: integers of up to 15 digits exactly; decimals as the nearest double,
     * directly when the digits fit 53 bits and the power of ten is within 22 (one correctly rounded operation on
     * exact operands), else by {@link Double#parseDouble}.
     */
    private boolean number() {
      int start = at;
      int end = in.length;
      int i = at;
      boolean negative = false;
      if (i < end && in[i] == '-') {
        negative = true;
        i++;
      }
      long mantissa = 0;
      int digits = 0;
      int first = i;
      while (i < end && in[i] >= '0' && in[i] <= '9') {
        if (digits < 18) {
          mantissa = mantissa * 10 + (in[i] - '0');
        }
        digits++;
        i++;
      }
      if (digits == 0 || (in[first] == '0' && digits > 1)) {
        return false;
      }
      boolean decimal = false;
      int exponent = 0;
      int significant = digits;
      if (i < end && in[i] == '.') {
        decimal = true;
        i++;
        int fraction = 0;
        while (i < end && in[i] >= '0' && in[i] <= '9') {
          if (significant < 18) {
            mantissa = mantissa * 10 + (in[i] - '0');
            exponent--;
          }
          significant++;
          fraction++;
          i++;
        }
        if (fraction == 0) {
          return false;
        }
      }
      if (i < end && (in[i] == 'e' || in[i] == 'E')) {
        decimal = true;
        i++;
        boolean negativeExponent = false;
        if (i < end && (in[i] == '+' || in[i] == '-')) {
          negativeExponent = in[i] == '-';
          i++;
        }
        int written = 0;
        int expDigits = 0;
        while (i < end && in[i] >= '0' && in[i] <= '9') {
          if (expDigits < 6) {
            written = written * 10 + (in[i] - '0');
          }
          expDigits++;
          i++;
        }
        if (expDigits == 0) {
          return false;
        }
        exponent += negativeExponent ? -written : written;
      }
      if (i - start > 1000) {
        return false;
      }
      at = i;
      double number;
      if (!decimal) {
        if (digits > 15) {
          return false;
        }
        long whole = negative ? -mantissa : mantissa;
        integral &= whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE;
        number = whole;
      } else {
        integral = false;
        if (significant > 18 || mantissa > MAX_EXACT || exponent > 22 || exponent < -22) {
          number = Double.parseDouble(new String(in, start, i - start, StandardCharsets.ISO_8859_1));
        } else {
          double magnitude = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
          number = negative ? -magnitude : magnitude;
        }
      }
      values[size++] = number;
      return true;
    }
  }
}
