package dev.deepwire.runtime.plots;

import static dev.deepwire.runtime.plots.PngAssertions.assertNonTrivialPng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

  private static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
      "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  @TempDir Path dir;

  @Test
  void drawsEveryImageWithItsLabels() throws IOException {
    int n = 16;
    float[][] images = new float[n][];
    int[] predicted = new int[n];
    int[] actual = new int[n];
    for (int i = 0; i < n; i++) {
      images[i] = disc(28, 4 + i % 9);
      actual[i] = i % 10;
      predicted[i] = i % 3 == 0 ? (i + 1) % 10 : i % 10;
    }
    Path png = dir.resolve("predictions.png");
    ImageGrid.write(png, images, predicted, actual, CLASSES);
    BufferedImage image = assertNonTrivialPng(png, 10_000);
    assertEquals(4 * (28 * 4 + 16), image.getWidth(), "4 columns for 16 images");
    assertTrue(hasReddish(image) && hasGreenish(image), "wrong predictions red, right ones green");
  }

  @Test
  void pixelsOnA0To255ScaleAndNoClassNamesWork() throws IOException {
    float[][] images = {disc(28, 10), disc(28, 6)};
    for (float[] image : images) {
      for (int i = 0; i < image.length; i++) {
        image[i] *= 255;
      }
    }
    Path png = dir.resolve("two.png");
    ImageGrid.write(png, images, new int[] {3, 4}, new int[] {3, 5}, List.of());
    assertNonTrivialPng(png, 2_000);
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageGrid.write(
        dir.resolve("x.png"), new float[][] {new float[27]}, new int[] {0}, new int[] {0}, CLASSES));
    assertEquals("images must be square, but image 0 has 27 pixels", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ImageGrid.write(
        dir.resolve("x.png"), new float[][] {new float[4]}, new int[] {0, 1}, new int[] {0}, CLASSES));
    assertEquals("need one predicted and one actual label per image: 1 images, 2 predicted, 1 actual",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ImageGrid.write(
        dir.resolve("x.png"), new float[][] {new float[4]}, new int[] {10}, new int[] {0}, CLASSES));
    assertEquals("predicted label of image 0 is 10, outside [0, 10)", e.getMessage());
  }

  /** A bright disc of {@code radius} on black, values 0–1. */
  private static float[] disc(int side, int radius) {
    float[] image = new float[side * side];
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        double d = Math.hypot(r - side / 2.0, c - side / 2.0);
        image[r * side + c] = d < radius ? (float) (1 - d / (2 * radius)) : 0;
      }
    }
    return image;
  }

  private static boolean hasReddish(BufferedImage image) {
    return any(image, rgb -> ((rgb >> 16) & 0xff) > 150 && ((rgb >> 8) & 0xff) < 80);
  }

  private static boolean hasGreenish(BufferedImage image) {
    return any(image, rgb -> ((rgb >> 8) & 0xff) > 100 && ((rgb >> 16) & 0xff) < 60);
  }

  private static boolean any(BufferedImage image, java.util.function.IntPredicate test) {
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (test.test(image.getRGB(x, y))) {
          return true;
        }
      }
    }
    return false;
  }
}
