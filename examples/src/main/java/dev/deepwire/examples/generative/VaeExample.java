package dev.deepwire.examples.generative;

import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.Predictor;
import dev.deepwire.runtime.plots.PixelGrid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * {@code vae}: {@link FashionVae}; reports the test ELBO with its reconstruction and KL parts, draws samples
 * of the prior and a traversal of the two busiest latent dimensions, and scores samples of the trained and
 * of the untrained decoder by FID in a classifier's feature space.
 */
public final class VaeExample extends AutoencoderExample<FashionVae> {

  private static final int GRID = 10;
  private static final double TRAVERSAL_RANGE = 2.5;

  public VaeExample() {
    super("vae", "Variational autoencoder, 16-dim latent space: ELBO, prior samples, latent traversal, FID",
        FashionVaeModule::new, FashionVae.class);
  }

  @Override
  void measure(Predictor<FashionVae> predictor, TrainTest data, RunSettings settings, Map<String, Object> report)
      throws IOException {
    double reconstruction = ((Number) report.get("test_restored_loss")).doubleValue() * FashionPixels.SIZE;
    double kl = ((Number) report.get("test_kl")).doubleValue();
    report.put("test_reconstruction_nats", reconstruction);
    report.put("test_kl_nats", kl);
    report.put("test_elbo_nats", -(reconstruction + kl));

    Path samples = settings.out().resolve("samples.png");
    PixelGrid.write(samples, predictor.decode(prior(GRID * GRID, settings.seed())), GRID);
    report.put("samples_png", samples.toString());
    Path traversal = settings.out().resolve("traversal.png");
    PixelGrid.write(traversal, predictor.decode(traversal(predictor, data)), GRID);
    report.put("traversal_png", traversal.toString());

    try (ClassifierSpace space = ClassifierSpace.open(data, settings);
        ModelRun<FashionVae> untrained = start(settings.seed())) {
      float[][] z = prior(ClassifierSpace.FID_IMAGES, settings.seed() + 1);
      space.compare(predictor.decode(z), untrained.predictor().decode(z), report);
    }
  }

  /** {@code count} codes drawn from the prior N(0, I). */
  static float[][] prior(int count, long seed) {
    Random random = new Random(seed);
    float[][] z = new float[count][FashionVae.LATENT];
    for (float[] row : z) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    return z;
  }

  /**
   * A grid of codes: zero except the two latent dimensions whose test means vary most, swept from
   * -2.5 to 2.5 along the rows and the columns.
   */
  private static float[][] traversal(Predictor<FashionVae> predictor, TrainTest data) {
    float[][] means = predictor.encode(FashionPixels.rows(data.test()));
    double[] variance = new double[FashionVae.LATENT];
    for (int j = 0; j < variance.length; j++) {
      double sum = 0;
      double squares = 0;
      for (float[] mu : means) {
        sum += mu[j];
        squares += mu[j] * mu[j];
      }
      variance[j] = squares / means.length - (sum / means.length) * (sum / means.length);
    }
    int first = 0;
    int second = 1;
    for (int j = 0; j < variance.length; j++) {
      if (variance[j] > variance[first]) {
        second = first;
        first = j;
      } else if (j != first && variance[j] > variance[second]) {
        second = j;
      }
    }
    float[][] codes = new float[GRID * GRID][FashionVae.LATENT];
    for (int r = 0; r < GRID; r++) {
      for (int c = 0; c < GRID; c++) {
        codes[r * GRID + c][first] = (float) (-TRAVERSAL_RANGE + 2 * TRAVERSAL_RANGE * r / (GRID - 1));
        codes[r * GRID + c][second] = (float) (-TRAVERSAL_RANGE + 2 * TRAVERSAL_RANGE * c / (GRID - 1));
      }
    }
    return codes;
  }
}
