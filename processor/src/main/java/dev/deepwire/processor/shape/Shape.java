package dev.deepwire.processor.shape;

import java.util.List;
import java.util.stream.Collectors;

/** The per-example shape of a tensor: its dimensions without the leading batch dimension. */
public record Shape(List<Integer> dims) {

  public Shape {
    dims = List.copyOf(dims);
  }

  /** A shape of the given dimensions. */
  public static Shape of(int... dims) {
    return new Shape(java.util.Arrays.stream(dims).boxed().toList());
  }

  /** The rank including the batch dimension, as users read it: {@code [batch, 784]} is rank 2. */
  public int rank() {
    return dims.size() + 1;
  }

  /** The number of elements of one example (saturating at {@link Long#MAX_VALUE}). */
  public long size() {
    long n = 1;
    for (int d : dims) {
      n = d > 0 && n > Long.MAX_VALUE / d ? Long.MAX_VALUE : n * d;
    }
    return n;
  }

  /** The last dimension. */
  public int last() {
    return dims.get(dims.size() - 1);
  }

  /** Shows the shape as users write it, with the batch dimension: {@code [batch, 28, 28]}. */
  @Override
  public String toString() {
    return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "[batch, ", "]"));
  }
}
