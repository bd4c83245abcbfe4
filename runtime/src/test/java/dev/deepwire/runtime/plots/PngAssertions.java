package dev.deepwire.runtime.plots;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Checks that a PNG exists, has some size and is not one flat colour. */
public final class PngAssertions {

  private PngAssertions() {}

  /** Asserts {@code png} is a readable PNG of at least {@code minBytes} whose pixels vary; returns it. */
  public static BufferedImage assertNonTrivialPng(Path png, long minBytes) throws IOException {
    assertTrue(Files.isRegularFile(png), png + " missing");
    long size = Files.size(png);
    assertTrue(size >= minBytes, png + " is " + size + " bytes, expected at least " + minBytes);
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, png + " is not a readable image");
    double variance = greyVariance(image);
    assertTrue(variance > 100, png + " grey variance " + variance + ": looks blank");
    return image;
  }

  /** The variance of the pixels' grey levels (0–255). */
  public static double greyVariance(BufferedImage image) {
    double sum = 0;
    double sumSquares = 0;
    long n = (long) image.getWidth() * image.getHeight();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        double grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3.0;
        sum += grey;
        sumSquares += grey * grey;
      }
    }
    double mean = sum / n;
    return sumSquares / n - mean * mean;
  }
}
