package dev.deepwire.runtime.plots;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws named curves over epochs into a PNG with XChart. */
public final class CurvePlot {

  /** Width of the PNG, in pixels. */
  public static final int WIDTH = 800;
  /** Height of the PNG, in pixels. */
  public static final int HEIGHT = 500;

  private CurvePlot() {}

  /**
   * Writes {@code png}: one line per entry of {@code curves} (label → one value per x), over {@code x}.
   * Curves of another length than {@code x}, or with a non-finite value, are refused.
   */
  public static void write(Path png, String title, String xLabel, String yLabel, double[] x,
      Map<String, double[]> curves) throws IOException {
    if (x.length == 0) {
      throw new IllegalArgumentException("cannot plot '" + title + "' with no points");
    }
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("cannot plot '" + title + "' with no curves");
    }
    Headless.ensure();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    curves.forEach((label, y) -> {
      if (y.length != x.length) {
        throw new IllegalArgumentException("curve '" + label + "' of '" + title + "' has " + y.length
            + " values for " + x.length + " x positions");
      }
      for (int i = 0; i < y.length; i++) {
        if (!Double.isFinite(y[i])) {
          throw new IllegalArgumentException("curve '" + label + "' of '" + title + "' has " + y[i]
              + " at x=" + x[i] + "; plot finite values only");
        }
      }
      chart.addSeries(label, x, y).setMarker(SeriesMarkers.CIRCLE);
    });
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(png)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
  }
}
