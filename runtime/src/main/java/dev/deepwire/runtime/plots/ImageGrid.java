package dev.deepwire.runtime.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws square grey-scale images (e.g. 28×28 Fashion-MNIST) in a PNG grid, each captioned with its
 * predicted label (green when right, red when wrong) and its true label.
 *
 * <pre>{@code
 * ImageGrid.write(Path.of("runs/cnn/predictions.png"), images, predicted, actual, FashionMnist.CLASS_NAMES);
 * }</pre>
 */
public final class ImageGrid {

  /** Images per row, at most. */
  public static final int MAX_COLUMNS = 10;

  private static final int SCALE = 4;
  private static final int PAD = 8;
  private static final int CAPTION = 30;
  private static final int HEADER = 24;
  private static final Color RIGHT = new Color(0, 130, 0);
  private static final Color WRONG = new Color(200, 0, 0);

  private ImageGrid() {}

  /**
   * Writes {@code png}. Pixel values may be on any scale (0–1, 0–255, standardized): the grid maps its
   * smallest value to black and its largest to white.
   *
   * @param images one row-major square image per entry, all the same size
   * @param predicted the model's class per image
   * @param actual the true class per image
   * @param classNames a name per class index, or an empty list to print the indices
   */
  public static void write(Path png, float[][] images, int[] predicted, int[] actual, List<String> classNames)
      throws IOException {
    int side = check(images, predicted, actual, classNames);
    Headless.ensure();
    int n = images.length;
    int columns = Math.min(MAX_COLUMNS, (int) Math.ceil(Math.sqrt(n)));
    int rows = (n + columns - 1) / columns;
    int cellWidth = side * SCALE + 2 * PAD;
    int cellHeight = side * SCALE + CAPTION + PAD;
    BufferedImage grid = new BufferedImage(columns * cellWidth, HEADER + rows * cellHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = grid.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
      float[] range = range(images);
      int correct = 0;
      for (int i = 0; i < n; i++) {
        int x = (i % columns) * cellWidth + PAD;
        int y = HEADER + (i / columns) * cellHeight + PAD;
        drawImage(grid, images[i], side, x, y, range);
        boolean right = predicted[i] == actual[i];
        correct += right ? 1 : 0;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        drawCaption(g, "pred: " + name(predicted[i], classNames), x, y + side * SCALE + 12,
            side * SCALE, right ? RIGHT : WRONG);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        drawCaption(g, "true: " + name(actual[i], classNames), x, y + side * SCALE + 25, side * SCALE, Color.DARK_GRAY);
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
      g.setColor(Color.BLACK);
      g.drawString(correct + " of " + n + " right", PAD, 17);
    } finally {
      g.dispose();
    }
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(grid, "png", png.toFile())) {
      throw new IOException("no PNG writer available to write " + png);
    }
  }

  /** Checks the arguments and returns the images' side length. */
  private static int check(float[][] images, int[] predicted, int[] actual, List<String> classNames) {
    if (images.length == 0) {
      throw new IllegalArgumentException("no images to draw");
    }
    if (predicted.length != images.length || actual.length != images.length) {
      throw new IllegalArgumentException("need one predicted and one actual label per image: " + images.length
          + " images, " + predicted.length + " predicted, " + actual.length + " actual");
    }
    int pixels = images[0].length;
    int side = (int) Math.round(Math.sqrt(pixels));
    if (pixels == 0 || side * side != pixels) {
      throw new IllegalArgumentException("images must be square, but image 0 has " + pixels + " pixels");
    }
    for (int i = 1; i < images.length; i++) {
      if (images[i].length != pixels) {
        throw new IllegalArgumentException("image " + i + " has " + images[i].length + " pixels, image 0 has "
            + pixels);
      }
    }
    for (int i = 0; i < images.length; i++) {
      checkLabel("predicted", i, predicted[i], classNames);
      checkLabel("actual", i, actual[i], classNames);
    }
    return side;
  }

  private static void checkLabel(String what, int i, int label, List<String> classNames) {
    if (label < 0 || (!classNames.isEmpty() && label >= classNames.size())) {
      throw new IllegalArgumentException(what + " label of image " + i + " is " + label + ", outside [0, "
          + (classNames.isEmpty() ? "∞" : classNames.size()) + ")");
    }
  }

  private static String name(int label, List<String> classNames) {
    return classNames.isEmpty() ? Integer.toString(label) : classNames.get(label);
  }

  private static float[] range(float[][] images) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float[] image : images) {
      for (float v : image) {
        if (Float.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    return new float[] {min, max};
  }

  private static void drawImage(BufferedImage grid, float[] image, int side, int x0, int y0, float[] range) {
    float span = range[1] - range[0];
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        float v = image[r * side + c];
        int grey = !(span > 0) || !Float.isFinite(v) ? 0 : Math.round(255 * (v - range[0]) / span);
        int rgb = (grey << 16) | (grey << 8) | grey;
        for (int dy = 0; dy < SCALE; dy++) {
          for (int dx = 0; dx < SCALE; dx++) {
            grid.setRGB(x0 + c * SCALE + dx, y0 + r * SCALE + dy, rgb);
          }
        }
      }
    }
  }

  /** Draws {@code text}, cut with an ellipsis to fit {@code width}. */
  private static void drawCaption(Graphics2D g, String text, int x, int y, int width, Color color) {
    FontMetrics metrics = g.getFontMetrics();
    String shown = text;
    while (shown.length() > 1 && metrics.stringWidth(shown) > width) {
      shown = shown.substring(0, shown.length() - 2) + "…";
    }
    g.setColor(color);
    g.drawString(shown, x, y);
  }
}
