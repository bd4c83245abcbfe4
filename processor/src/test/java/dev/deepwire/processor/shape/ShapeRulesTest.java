package dev.deepwire.processor.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each shape rule, without javac. */
class ShapeRulesTest {

  private static NamedShape in(String name, int... dims) {
    return new NamedShape(name, Shape.of(dims));
  }

  private static Shape ok(ShapeResult result) {
    return assertInstanceOf(ShapeResult.Ok.class, result).shape();
  }

  private static String errorId(ShapeResult result) {
    return assertInstanceOf(ShapeResult.Error.class, result).id();
  }

  @Test
  void shapePrintsWithBatch() {
    assertEquals("[batch, 28, 28]", Shape.of(28, 28).toString());
    assertEquals(2, Shape.of(10).rank());
    assertEquals(784, Shape.of(28, 28).size());
  }

  @Test
  void input() {
    assertEquals(Shape.of(28, 28), ok(ShapeRules.input("x", List.of(28, 28))));
    assertEquals("Input.shape", errorId(ShapeRules.input("x", List.of())));
    assertEquals("Input.shape", errorId(ShapeRules.input("x", List.of(3, -1))));
  }

  @Test
  void dense() {
    assertEquals(Shape.of(10), ok(ShapeRules.dense("d", 10, in("x", 784))));
    assertEquals("Dense.units", errorId(ShapeRules.dense("d", 0, in("x", 784))));
    ShapeResult.Error rank = (ShapeResult.Error) ShapeRules.dense("hidden", 4, in("image", 28, 28));
    assertEquals("@Dense on 'hidden' needs a rank-2 input [batch, features], but 'image' is [batch, 28, 28];"
        + " add @Flatten before it.", rank.message());
  }

  @Test
  void flatten() {
    assertEquals(Shape.of(784), ok(ShapeRules.flatten("f", in("x", 28, 28))));
    assertEquals(Shape.of(5), ok(ShapeRules.flatten("f", in("x", 5))));
  }

  @Test
  void dropout() {
    assertEquals(Shape.of(3, 4), ok(ShapeRules.dropout("d", 0.0, in("x", 3, 4))));
    assertEquals("Dropout.rate", errorId(ShapeRules.dropout("d", 1.0, in("x", 3))));
    assertEquals("Dropout.rate", errorId(ShapeRules.dropout("d", -0.1, in("x", 3))));
    assertEquals("Dropout.rate", errorId(ShapeRules.dropout("d", Double.NaN, in("x", 3))));
  }

  @Test
  void activation() {
    assertEquals(Shape.of(7, 2), ok(ShapeRules.activation("a", in("x", 7, 2))));
  }

  @Test
  void reshape() {
    assertEquals(Shape.of(28, 28), ok(ShapeRules.reshape("r", List.of(28, 28), in("x", 784))));
    assertEquals(Shape.of(7, 112), ok(ShapeRules.reshape("r", List.of(7, -1), in("x", 784))));
    assertEquals("Reshape.count", errorId(ShapeRules.reshape("r", List.of(7, 7, 10), in("x", 784))));
    assertEquals("Reshape.count", errorId(ShapeRules.reshape("r", List.of(-1, 10), in("x", 784))));
    assertEquals("Reshape.inferred", errorId(ShapeRules.reshape("r", List.of(-1, -1), in("x", 784))));
    assertEquals("Reshape.dim", errorId(ShapeRules.reshape("r", List.of(0, 784), in("x", 784))));
    assertEquals("Reshape.dim", errorId(ShapeRules.reshape("r", List.of(), in("x", 784))));
  }

  @Test
  void concatenate() {
    assertEquals(Shape.of(4, 7), ok(ShapeRules.concatenate("c", List.of(in("a", 4, 3), in("b", 4, 4)))));
    assertEquals(Shape.of(9), ok(ShapeRules.concatenate("c", List.of(in("a", 3), in("b", 3), in("c", 3)))));
    assertEquals("Merge.arity", errorId(ShapeRules.concatenate("c", List.of(in("a", 3)))));
    assertEquals("Concatenate.shape", errorId(ShapeRules.concatenate("c", List.of(in("a", 4, 3), in("b", 5, 3)))));
    assertEquals("Concatenate.shape", errorId(ShapeRules.concatenate("c", List.of(in("a", 3), in("b", 1, 3)))));
  }

  @Test
  void add() {
    assertEquals(Shape.of(16), ok(ShapeRules.add("s", List.of(in("a", 16), in("b", 16)))));
    assertEquals("Merge.arity", errorId(ShapeRules.add("s", List.of())));
    assertEquals("Add.shape", errorId(ShapeRules.add("s", List.of(in("a", 16), in("b", 32)))));
  }

  @Test
  void subModel() {
    List<NamedShape> expected = List.of(in("x", 8));
    assertEquals(Shape.of(4), ok(ShapeRules.subModel("t", "Tower", expected, List.of(in("y", 8)), Shape.of(4))));
    assertEquals("SubModel.arity",
        errorId(ShapeRules.subModel("t", "Tower", expected, List.of(in("a", 8), in("b", 8)), Shape.of(4))));
    assertEquals("SubModel.shape",
        errorId(ShapeRules.subModel("t", "Tower", expected, List.of(in("a", 4)), Shape.of(4))));
  }
}
