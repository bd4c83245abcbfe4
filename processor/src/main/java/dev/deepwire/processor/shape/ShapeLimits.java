package dev.deepwire.processor.shape;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps inferred shapes within what the runtime can hold: one example is a Java array, so at most
 * {@link Integer#MAX_VALUE} elements. Rules compute sizes in {@code long} and pass them here, so a huge
 * setting is an error instead of an overflowed dimension.
 */
public final class ShapeLimits {

  /** The most elements one example may have. */
  public static final long MAX_ELEMENTS = Integer.MAX_VALUE;

  private ShapeLimits() {}

  /** The shape of {@code dims}, or a {@code Shape.size} error on {@code label} at {@code node}. */
  public static ShapeResult sized(String label, String node, List<Long> dims) {
    long size = 1;
    for (long d : dims) {
      size = d > 0 && size > MAX_ELEMENTS / d ? MAX_ELEMENTS + 1 : size * d;
    }
    if (size > MAX_ELEMENTS || dims.stream().anyMatch(d -> d < 1)) {
      return ShapeResult.error("Shape.size", label + " on '" + node + "' would give "
          + dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "[batch, ", "]"))
          + ", but one example can hold at most " + MAX_ELEMENTS + " elements. Use smaller sizes.");
    }
    return ShapeResult.ok(new Shape(dims.stream().map(Long::intValue).toList()));
  }
}
