package dev.deepwire.runtime.plots;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/** Draws a labelled matrix (e.g. attention weights: output steps × input steps) as a PNG heat map with XChart. */
public final class HeatMap {

  private HeatMap() {}

  /**
   * Writes {@code png}: {@code values[row][column]} coloured from white (0) to dark blue (the maximum), the
   * columns labelled along x and the rows along y (first row on top).
   */
  public static void write(Path png, String title, List<String> columns, List<String> rows, float[][] values)
      throws IOException {
    if (values.length != rows.size()) {
      throw new IllegalArgumentException("heat map '" + title + "' has " + values.length + " rows of values for "
          + rows.size() + " row labels");
    }
    List<Number[]> cells = new ArrayList<>();
    for (int r = 0; r < values.length; r++) {
      if (values[r].length != columns.size()) {
        throw new IllegalArgumentException("heat map '" + title + "' row " + r + " has " + values[r].length
            + " values for " + columns.size() + " column labels");
      }
      for (int c = 0; c < columns.size(); c++) {
        // XChart draws the first y category at the bottom: flip so the first row reads on top.
        cells.add(new Number[] {c, values.length - 1 - r, values[r][c]});
      }
    }
    List<String> flipped = new ArrayList<>(rows);
    java.util.Collections.reverse(flipped);
    Headless.ensure();
    HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(400, 60 * columns.size() + 200))
        .height(Math.max(300, 40 * rows.size() + 150)).title(title).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(8, 48, 107)});
    chart.getStyler().setMin(0);
    chart.getStyler().setShowValue(false);
    // XChart thins out category labels that it thinks are crowded; every letter and phoneme must show.
    chart.getStyler().setXAxisTickMarkSpacingHint(10);
    chart.getStyler().setYAxisTickMarkSpacingHint(10);
    chart.addSeries(title, columns, flipped, cells);
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(png)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
  }
}
