package dev.deepwire.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.FloatColumn;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FashionMnistTest {

  private static TrainTest data;

  @BeforeAll
  static void load() throws IOException {
    data = FashionMnist.load(DataSource.bundled());
  }

  @Test
  void bundledSubsetHasTheExpectedSizes() {
    assertEquals(10_000, data.train().size());
    assertEquals(2_000, data.test().size());
    for (Dataset part : new Dataset[] {data.train(), data.test()}) {
      assertEquals(java.util.List.of("image", "label"), java.util.List.copyOf(part.columnNames()));
      assertArrayEquals(new int[] {28, 28}, part.floats("image").exampleShape());
      assertEquals(784, part.floats("image").exampleSize());
      assertArrayEquals(new int[0], part.ints("label").exampleShape());
    }
  }

  @Test
  void pixelsAreScaledToTheUnitInterval() {
    for (Dataset part : new Dataset[] {data.train(), data.test()}) {
      FloatColumn images = part.floats("image");
      float min = Float.MAX_VALUE;
      float max = -Float.MAX_VALUE;
      for (float v : images.values()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      assertEquals(0f, min);
      assertEquals(1f, max);
    }
  }

  @Test
  void everyClassIsPresentAndRoughlyBalanced() {
    assertEquals(10, FashionMnist.CLASS_NAMES.size());
    assertEquals("Ankle boot", FashionMnist.CLASS_NAMES.get(9));
    for (Dataset part : new Dataset[] {data.train(), data.test()}) {
      int[] counts = new int[10];
      for (int label : part.ints("label").values()) {
        counts[label]++;
      }
      for (int count : counts) {
        assertTrue(count > part.size() / 10 * 0.9 && count < part.size() / 10 * 1.1,
            "class counts " + java.util.Arrays.toString(counts));
      }
    }
  }

  @Test
  void theFirstTrainingImageIsTheOfficialOne() {
    // The first Fashion-MNIST training image is an ankle boot (label 9).
    assertEquals(9, data.train().ints("label").values()[0]);
    assertEquals(9, data.test().ints("label").values()[0]);
  }
}
