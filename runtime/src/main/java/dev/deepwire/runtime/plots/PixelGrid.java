package dev.deepwire.runtime.plots;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A PNG of grey images in a grid without captions: samples of a generator, reconstructions, traversals.
 * Pixel values are clamped to {@code [0, 1]} (white is 1), each image scaled up by an integer factor.
 */
public final class PixelGrid {

  /** How many screen pixels show one image pixel. */
  public static final int SCALE = 3;

  private static final int GAP = 2;

  private PixelGrid() {}

  /**
   * Writes {@code images} (row-major, square, all the same size) row by row, {@code columns} per row.
   */
  public static void write(Path png, float[][] images, int columns) throws IOException {
    if (images.length == 0 || columns < 1) {
      throw new IllegalArgumentException("need images and columns >= 1, got " + images.length + " and " + columns);
    }
    int side = (int) Math.round(Math.sqrt(images[0].length));
    for (int i = 0; i < images.length; i++) {
      if (images[i].length != side * side) {
        throw new IllegalArgumentException("image " + i + " has " + images[i].length + " pixels, expected "
            + side * side + " like the first");
      }
    }
    Headless.ensure();
    int rows = (images.length + columns - 1) / columns;
    int cell = side * SCALE + GAP;
    BufferedImage grid = new BufferedImage(columns * cell + GAP, rows * cell + GAP, BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < images.length; i++) {
      int left = GAP + (i % columns) * cell;
      int top = GAP + (i / columns) * cell;
      for (int p = 0; p < side * side; p++) {
        int grey = Math.round(255 * Math.max(0f, Math.min(1f, images[i][p])));
        int rgb = grey << 16 | grey << 8 | grey;
        for (int dy = 0; dy < SCALE; dy++) {
          for (int dx = 0; dx < SCALE; dx++) {
            grid.setRGB(left + (p % side) * SCALE + dx, top + (p / side) * SCALE + dy, rgb);
          }
        }
      }
    }
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(grid, "png", png.toFile())) {
      throw new IOException("no PNG writer available to write " + png);
    }
  }
}
