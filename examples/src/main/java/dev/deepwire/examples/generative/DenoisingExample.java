package dev.deepwire.examples.generative;

import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.Predictor;
import dev.deepwire.runtime.plots.PixelGrid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * {@code denoising-autoencoder}: {@link DenoisingAutoencoder}; corrupts the test images with the noise of
 * training and reports how far the noisy and the restored images are from the clean ones.
 */
public final class DenoisingExample extends AutoencoderExample<DenoisingAutoencoder> {

  public DenoisingExample() {
    super("denoising-autoencoder", "Denoising autoencoder: restores Fashion-MNIST images under Gaussian noise"
        + " (stddev " + DenoisingAutoencoder.NOISE + ")", DenoisingAutoencoderModule::new,
        DenoisingAutoencoder.class);
  }

  @Override
  void measure(Predictor<DenoisingAutoencoder> predictor, TrainTest data, RunSettings settings,
      Map<String, Object> report) throws IOException {
    float[][] clean = FashionPixels.rows(data.test());
    float[][] noisy = noisy(clean, DenoisingAutoencoder.NOISE, settings.seed());
    float[][] restored = predictor.predict(noisy);
    double noisyMse = FashionPixels.mse(noisy, clean);
    double restoredMse = FashionPixels.mse(restored, clean);
    report.put("noise_stddev", DenoisingAutoencoder.NOISE);
    report.put("noisy_mse", noisyMse);
    report.put("restored_mse", restoredMse);
    report.put("restored_over_noisy", restoredMse / noisyMse);
    Path png = settings.out().resolve("denoised.png");
    PixelGrid.write(png, gridRows(ReconstructionExample.GRID_COLUMNS, clean, noisy, restored),
        ReconstructionExample.GRID_COLUMNS);
    report.put("denoised_png", png.toString());
  }

  /** The images plus N(0, stddev²) noise per pixel, as {@code @GaussianNoise} adds while training. */
  static float[][] noisy(float[][] images, double stddev, long seed) {
    Random random = new Random(seed);
    float[][] noisy = new float[images.length][];
    for (int i = 0; i < images.length; i++) {
      noisy[i] = new float[images[i].length];
      for (int j = 0; j < images[i].length; j++) {
        noisy[i][j] = (float) (images[i][j] + stddev * random.nextGaussian());
      }
    }
    return noisy;
  }
}
