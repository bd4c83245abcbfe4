package dev.deepwire.processor.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each spatial shape rule, without javac. */
class SpatialRulesTest {

  private static NamedShape in(String name, int... dims) {
    return new NamedShape(name, Shape.of(dims));
  }

  private static Shape ok(ShapeResult result) {
    return assertInstanceOf(ShapeResult.Ok.class, result).shape();
  }

  private static String errorId(ShapeResult result) {
    return assertInstanceOf(ShapeResult.Error.class, result).id();
  }

  private static ShapeResult conv(int filters, List<Integer> kernel, List<Integer> strides, List<Integer> dilation,
      String padding, NamedShape in) {
    return SpatialRules.conv("c", filters, kernel, strides, dilation, padding, in);
  }

  @Test
  void conv2dValidSameStridesAndDilation() {
    NamedShape image = in("x", 28, 28, 1);
    assertEquals(Shape.of(26, 26, 32), ok(conv(32, List.of(3), List.of(1), List.of(1), "VALID", image)));
    assertEquals(Shape.of(28, 28, 32), ok(conv(32, List.of(3), List.of(1), List.of(1), "SAME", image)));
    assertEquals(Shape.of(14, 14, 8), ok(conv(8, List.of(3), List.of(2), List.of(1), "SAME", image)));
    assertEquals(Shape.of(13, 13, 8), ok(conv(8, List.of(3), List.of(2), List.of(1), "VALID", image)));
    assertEquals(Shape.of(24, 26, 8), ok(conv(8, List.of(3), List.of(1), List.of(2, 1), "VALID", image)));
    assertEquals(Shape.of(26, 24, 8), ok(conv(8, List.of(3, 5), List.of(1), List.of(1), "VALID", image)));
  }

  @Test
  void conv1dAnd3d() {
    assertEquals(Shape.of(98, 16), ok(conv(16, List.of(3), List.of(1), List.of(1), "VALID", in("s", 100, 2))));
    assertEquals(Shape.of(50, 16), ok(conv(16, List.of(3), List.of(2), List.of(1), "SAME", in("s", 100, 2))));
    assertEquals(Shape.of(6, 6, 6, 4), ok(conv(4, List.of(3), List.of(1), List.of(1), "VALID", in("v", 8, 8, 8, 1))));
  }

  @Test
  void convErrors() {
    NamedShape image = in("x", 28, 28, 1);
    assertEquals("Conv.filters", errorId(conv(0, List.of(3), List.of(1), List.of(1), "VALID", image)));
    assertEquals("Conv.kernel", errorId(conv(1, List.of(0), List.of(1), List.of(1), "VALID", image)));
    assertEquals("Conv.strides", errorId(conv(1, List.of(3), List.of(0), List.of(1), "VALID", image)));
    assertEquals("Conv.dilation", errorId(conv(1, List.of(3), List.of(1), List.of(0), "VALID", image)));
    assertEquals("Conv.kernel", errorId(conv(1, List.of(3, 3, 3), List.of(1), List.of(1), "VALID", image)));
    assertEquals("Conv.kernel", errorId(conv(1, List.of(29), List.of(1), List.of(1), "VALID", image)));
    assertEquals(Shape.of(28, 28, 1), ok(conv(1, List.of(29), List.of(1), List.of(1), "SAME", image)));
    assertEquals("Shape.rank", errorId(conv(1, List.of(3), List.of(1), List.of(1), "VALID", in("x", 784))));
    assertEquals("Shape.rank", errorId(conv(1, List.of(3), List.of(1), List.of(1), "VALID", in("x", 2, 2, 2, 2, 2))));
  }

  @Test
  void pooling() {
    NamedShape c = in("c", 26, 26, 32);
    assertEquals(Shape.of(13, 13, 32), ok(SpatialRules.pool("@MaxPool", "p", List.of(2), List.of(), "VALID", c)));
    assertEquals(Shape.of(12, 12, 32), ok(SpatialRules.pool("@MaxPool", "p", List.of(3), List.of(2), "VALID", c)));
    assertEquals(Shape.of(9, 9, 32), ok(SpatialRules.pool("@AvgPool", "p", List.of(3), List.of(), "SAME", c)));
    assertEquals(Shape.of(5, 4), ok(SpatialRules.pool("@AvgPool", "p", List.of(2), List.of(), "VALID", in("s", 11, 4))));
    assertEquals(Shape.of(2, 2, 2, 1),
        ok(SpatialRules.pool("@MaxPool", "p", List.of(2), List.of(), "VALID", in("v", 4, 4, 5, 1))));
    assertEquals("Pool.window", errorId(SpatialRules.pool("@MaxPool", "p", List.of(27), List.of(), "VALID", c)));
    assertEquals("Pool.window", errorId(SpatialRules.pool("@MaxPool", "p", List.of(0), List.of(), "VALID", c)));
    assertEquals("Pool.window", errorId(SpatialRules.pool("@MaxPool", "p", List.of(), List.of(), "VALID", c)));
    assertEquals("Pool.strides", errorId(SpatialRules.pool("@MaxPool", "p", List.of(2), List.of(0), "VALID", c)));
    assertEquals("Shape.rank", errorId(SpatialRules.pool("@MaxPool", "p", List.of(2), List.of(), "VALID", in("x", 9))));
  }

  @Test
  void globalPoolingBatchNormAndDropout() {
    assertEquals(Shape.of(64), ok(SpatialRules.globalPool("@GlobalAvgPool", "g", in("c", 5, 5, 64))));
    assertEquals(Shape.of(3), ok(SpatialRules.globalPool("@GlobalMaxPool", "g", in("c", 7, 3))));
    assertEquals("Shape.rank", errorId(SpatialRules.globalPool("@GlobalMaxPool", "g", in("c", 7))));
    assertEquals(Shape.of(7), ok(SpatialRules.batchNorm("b", 0.99, 1e-3, in("d", 7))));
    assertEquals("BatchNorm.momentum", errorId(SpatialRules.batchNorm("b", 1.0, 1e-3, in("d", 7))));
    assertEquals("BatchNorm.epsilon", errorId(SpatialRules.batchNorm("b", 0.9, 0, in("d", 7))));
    assertEquals(Shape.of(4, 4, 2), ok(SpatialRules.spatialDropout("s", 0.2, in("c", 4, 4, 2))));
    assertEquals("SpatialDropout.rate", errorId(SpatialRules.spatialDropout("s", 1.0, in("c", 4, 4, 2))));
    assertEquals("Shape.rank", errorId(SpatialRules.spatialDropout("s", 0.1, in("c", 4))));
  }

  @Test
  void paddingUpsamplingAndTransposedConvolution() {
    assertEquals(Shape.of(30, 30, 1), ok(SpatialRules.zeroPadding("z", List.of(1), in("x", 28, 28, 1))));
    assertEquals(Shape.of(30, 28, 1), ok(SpatialRules.zeroPadding("z", List.of(1, 0), in("x", 28, 28, 1))));
    assertEquals("ZeroPadding.value", errorId(SpatialRules.zeroPadding("z", List.of(-1), in("x", 28, 28, 1))));
    assertEquals("ZeroPadding.value", errorId(SpatialRules.zeroPadding("z", List.of(1, 1, 1), in("x", 28, 28, 1))));
    assertEquals(Shape.of(14, 21, 3), ok(SpatialRules.upSampling("u", List.of(2, 3), in("x", 7, 7, 3))));
    assertEquals("UpSampling.value", errorId(SpatialRules.upSampling("u", List.of(0), in("x", 7, 7, 3))));
    assertEquals(Shape.of(14, 14, 8),
        ok(SpatialRules.convTranspose("t", 8, List.of(3), List.of(2), "SAME", in("x", 7, 7, 16))));
    assertEquals(Shape.of(15, 15, 8),
        ok(SpatialRules.convTranspose("t", 8, List.of(3), List.of(2), "VALID", in("x", 7, 7, 16))));
    assertEquals("Shape.rank",
        errorId(SpatialRules.convTranspose("t", 8, List.of(3), List.of(2), "VALID", in("x", 7, 16))));
    assertEquals("ConvTranspose.filters",
        errorId(SpatialRules.convTranspose("t", 0, List.of(3), List.of(2), "VALID", in("x", 7, 7, 16))));
  }
}
