package dev.deepwire.examples.generative;

import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.Predictor;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.FloatColumn;
import dev.deepwire.runtime.plots.PixelGrid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * {@code inpainting}: {@link InpaintingAutoencoder} learns to fill a blanked 12×12 patch of each image;
 * reports the patch's error before (blank) and after (filled in) on the test images, and draws clean,
 * masked and inpainted images.
 */
public final class InpaintingExample extends AutoencoderExample<InpaintingAutoencoder> {

  static final int PATCH = 12;

  public InpaintingExample() {
    super("inpainting", "Inpainting: fills a blanked 12x12 patch of Fashion-MNIST images (PNG before/after)",
        InpaintingAutoencoderModule::new, InpaintingAutoencoder.class);
  }

  @Override
  Dataset trainingSet(Dataset train, RunSettings settings) {
    float[][] clean = FashionPixels.rows(train);
    float[] masked = FashionPixels.flatten(mask(clean, patches(clean.length, settings.seed())));
    return FashionPixels.column(train, "clean")
        .withColumn("masked", new FloatColumn(masked, new int[] {FashionPixels.SIZE}));
  }

  @Override
  void measure(Predictor<InpaintingAutoencoder> predictor, TrainTest data, RunSettings settings,
      Map<String, Object> report) throws IOException {
    float[][] clean = FashionPixels.rows(data.test());
    int[][] patches = patches(clean.length, settings.seed() + 1);
    float[][] masked = mask(clean, patches);
    float[][] restored = predictor.predict(masked);
    float[][] inpainted = new float[clean.length][];
    double blankError = 0;
    double filledError = 0;
    for (int i = 0; i < clean.length; i++) {
      inpainted[i] = masked[i].clone();
      for (int p : patchPixels(patches[i])) {
        inpainted[i][p] = restored[i][p];
        blankError += clean[i][p] * clean[i][p];
        filledError += (restored[i][p] - clean[i][p]) * (restored[i][p] - clean[i][p]);
      }
    }
    long pixels = (long) clean.length * PATCH * PATCH;
    report.put("patch", PATCH + "x" + PATCH);
    report.put("patch_mse_blank", blankError / pixels);
    report.put("patch_mse_inpainted", filledError / pixels);
    report.put("patch_mse_mean_image", meanImageError(data, clean, patches) / pixels);
    Path png = settings.out().resolve("inpainting.png");
    PixelGrid.write(png, gridRows(ReconstructionExample.GRID_COLUMNS, clean, masked, inpainted),
        ReconstructionExample.GRID_COLUMNS);
    report.put("inpainting_png", png.toString());
  }

  /** A baseline: the patch filled with the mean training image. */
  private static double meanImageError(TrainTest data, float[][] clean, int[][] patches) {
    float[] values = data.train().floats(FashionMnist.IMAGE).values();
    double[] mean = new double[FashionPixels.SIZE];
    for (int i = 0; i < values.length; i++) {
      mean[i % FashionPixels.SIZE] += values[i] / (double) data.train().size();
    }
    double error = 0;
    for (int i = 0; i < clean.length; i++) {
      for (int p : patchPixels(patches[i])) {
        error += (mean[p] - clean[i][p]) * (mean[p] - clean[i][p]);
      }
    }
    return error;
  }

  /** The top-left corner (row, column) of each image's patch, inside the central part of the image. */
  static int[][] patches(int count, long seed) {
    Random random = new Random(seed);
    int[][] corners = new int[count][];
    int range = FashionMnist.SIDE - PATCH - 8 + 1;
    for (int i = 0; i < count; i++) {
      corners[i] = new int[] {4 + random.nextInt(range), 4 + random.nextInt(range)};
    }
    return corners;
  }

  /** Copies of the images with their patch set to 0. */
  static float[][] mask(float[][] images, int[][] patches) {
    float[][] masked = new float[images.length][];
    for (int i = 0; i < images.length; i++) {
      masked[i] = images[i].clone();
      for (int p : patchPixels(patches[i])) {
        masked[i][p] = 0;
      }
    }
    return masked;
  }

  private static int[] patchPixels(int[] corner) {
    int[] pixels = new int[PATCH * PATCH];
    for (int r = 0; r < PATCH; r++) {
      for (int c = 0; c < PATCH; c++) {
        pixels[r * PATCH + c] = (corner[0] + r) * FashionMnist.SIDE + corner[1] + c;
      }
    }
    return pixels;
  }
}
