package dev.deepwire.runtime.plots;

import static dev.deepwire.runtime.plots.PngAssertions.assertNonTrivialPng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurvePlotTest {

  @TempDir Path dir;

  @Test
  void writesAPngWithTwoCurves() throws IOException {
    Map<String, double[]> curves = new LinkedHashMap<>();
    curves.put("train", new double[] {0.9, 0.6, 0.45, 0.4});
    curves.put("validation", new double[] {0.95, 0.7, 0.6, 0.62});
    Path png = dir.resolve("sub/loss.png");
    CurvePlot.write(png, "loss", "epoch", "loss", new double[] {1, 2, 3, 4}, curves);
    BufferedImage image = assertNonTrivialPng(png, 10_000);
    assertEquals(CurvePlot.WIDTH, image.getWidth());
    assertEquals(CurvePlot.HEIGHT, image.getHeight());
  }

  @Test
  void aSinglePointIsEnough() throws IOException {
    Path png = dir.resolve("one.png");
    CurvePlot.write(png, "accuracy", "epoch", "accuracy", new double[] {1}, Map.of("train", new double[] {0.8}));
    assertNonTrivialPng(png, 5_000);
  }

  @Test
  void mismatchedOrNonFiniteCurvesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CurvePlot.write(
        dir.resolve("x.png"), "loss", "epoch", "loss", new double[] {1, 2}, Map.of("train", new double[] {1})));
    assertEquals("curve 'train' of 'loss' has 1 values for 2 x positions", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CurvePlot.write(
        dir.resolve("x.png"), "loss", "epoch", "loss", new double[] {1, 2},
        Map.of("train", new double[] {1, Double.NaN})));
    assertEquals("curve 'train' of 'loss' has NaN at x=2.0; plot finite values only", e.getMessage());
  }
}
