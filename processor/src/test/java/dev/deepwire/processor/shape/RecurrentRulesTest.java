package dev.deepwire.processor.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

/** Each sequence shape rule, without javac. */
class RecurrentRulesTest {

  private static NamedShape in(String name, int... dims) {
    return new NamedShape(name, Shape.of(dims));
  }

  private static Shape ok(ShapeResult result) {
    return assertInstanceOf(ShapeResult.Ok.class, result).shape();
  }

  private static ShapeResult.Error error(ShapeResult result) {
    return assertInstanceOf(ShapeResult.Error.class, result);
  }

  @Test
  void recurrentGivesLastOrAllOutputsAndDoublesForConcat() {
    NamedShape series = in("x", 30, 4);
    assertEquals(Shape.of(16), ok(RecurrentRules.recurrent("@LSTM", "h", 16, false, "", series)));
    assertEquals(Shape.of(30, 16), ok(RecurrentRules.recurrent("@LSTM", "h", 16, true, "", series)));
    assertEquals(Shape.of(30, 32), ok(RecurrentRules.recurrent("@GRU", "h", 16, true, "CONCAT", series)));
    assertEquals(Shape.of(16), ok(RecurrentRules.recurrent("@GRU", "h", 16, false, "SUM", series)));
  }

  @Test
  void recurrentRejectsBadUnitsAndRanks() {
    ShapeResult.Error units = error(RecurrentRules.recurrent("@GRU", "h", 0, false, "", in("x", 5, 1)));
    assertEquals("GRU.units", units.id());
    assertEquals("units", units.attribute());
    ShapeResult.Error flat = error(RecurrentRules.recurrent("@LSTM", "h", 4, false, "", in("x", 30)));
    assertEquals("Shape.rank", flat.id());
    assertEquals("@LSTM on 'h' needs a rank-3 input [batch, time, features], but 'x' is [batch, 30]; add"
        + " @Reshape({30, 1}) before it (one feature per step).", flat.message());
    ShapeResult.Error image = error(RecurrentRules.recurrent("@SimpleRNN", "h", 4, false, "", in("x", 28, 28, 1)));
    assertEquals("@SimpleRNN on 'h' needs a rank-3 input [batch, time, features], but 'x' is [batch, 28, 28, 1];"
        + " add @Reshape({28, 28}) before it (time first, features flattened).", image.message());
  }

  @Test
  void embeddingAndMasking() {
    assertEquals(Shape.of(20, 8), ok(RecurrentRules.embedding("e", 100, 8, in("ids", 20))));
    assertEquals("Embedding.vocabulary", error(RecurrentRules.embedding("e", 0, 8, in("ids", 20))).id());
    assertEquals("Embedding.dimension", error(RecurrentRules.embedding("e", 10, -2, in("ids", 20))).id());
    assertEquals("Shape.rank", error(RecurrentRules.embedding("e", 10, 2, in("ids", 20, 3))).id());
    assertEquals(Shape.of(20, 3), ok(RecurrentRules.masking("m", in("x", 20, 3))));
    assertEquals("Shape.rank", error(RecurrentRules.masking("m", in("x", 20))).id());
  }
}
