package dev.deepwire.processor.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Shape rules of the autoencoder layers, without javac. */
class GenerativeRulesTest {

  private static NamedShape in(String name, int... dims) {
    return new NamedShape(name, Shape.of(dims));
  }

  @Test
  void sampleKeepsTheCodeShapeAndNeedsEqualShapes() {
    assertEquals(new ShapeResult.Ok(Shape.of(16)), GenerativeRules.sample("z", 1, List.of(in("mu", 16), in("lv", 16))));
    ShapeResult.Error error = assertInstanceOf(ShapeResult.Error.class,
        GenerativeRules.sample("z", 1, List.of(in("mu", 16), in("lv", 8))));
    assertEquals("Sample.shapes", error.id());
    assertEquals("Shape.rank", ((ShapeResult.Error) GenerativeRules.sample("z", 1,
        List.of(in("mu", 4, 4), in("lv", 4, 4)))).id());
    assertEquals("klWeight", ((ShapeResult.Error) GenerativeRules.sample("z", -1,
        List.of(in("mu", 4), in("lv", 4)))).attribute());
  }

  @Test
  void noiseKeepsAnyShapeWithinItsRange() {
    assertEquals(new ShapeResult.Ok(Shape.of(28, 28, 1)), GenerativeRules.noise("@GaussianNoise", "n", 0.1,
        in("x", 28, 28, 1)));
    assertEquals(new ShapeResult.Ok(Shape.of(784)), GenerativeRules.noise("@MaskingNoise", "n", 0.5, in("x", 784)));
    assertEquals("MaskingNoise.value",
        ((ShapeResult.Error) GenerativeRules.noise("@MaskingNoise", "n", 0, in("x", 784))).id());
    assertEquals("GaussianNoise.value",
        ((ShapeResult.Error) GenerativeRules.noise("@GaussianNoise", "n", -1, in("x", 784))).id());
  }

  @Test
  void activityRegularizationNeedsFeaturesAndSaneFactors() {
    assertEquals(new ShapeResult.Ok(Shape.of(64)),
        GenerativeRules.activityRegularization("a", 1e-4, 0.05, 0.1, in("h", 64)));
    assertEquals("ActivityRegularization.l1",
        ((ShapeResult.Error) GenerativeRules.activityRegularization("a", -1, 0.05, 0, in("h", 64))).id());
    // The target only matters with a KL weight.
    assertEquals(new ShapeResult.Ok(Shape.of(64)),
        GenerativeRules.activityRegularization("a", 1e-4, 0, 0, in("h", 64)));
    assertEquals("Shape.rank",
        ((ShapeResult.Error) GenerativeRules.activityRegularization("a", 0, 0.05, 0.1, in("h", 4, 4))).id());
  }
}
