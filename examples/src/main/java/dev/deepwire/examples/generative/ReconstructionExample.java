package dev.deepwire.examples.generative;

import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.Predictor;
import dev.deepwire.runtime.plots.PixelGrid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** {@code autoencoder}: {@link FashionAutoencoder}; reports the test reconstruction MSE and draws reconstructions. */
public final class ReconstructionExample extends AutoencoderExample<FashionAutoencoder> {

  static final int GRID_COLUMNS = 10;

  public ReconstructionExample() {
    super("autoencoder", "Autoencoder 784 → 256 → 32-value code → 256 → 784 on Fashion-MNIST (reconstruction MSE)",
        FashionAutoencoderModule::new, FashionAutoencoder.class);
  }

  @Override
  void measure(Predictor<FashionAutoencoder> predictor, TrainTest data, RunSettings settings,
      Map<String, Object> report) throws IOException {
    float[][] test = FashionPixels.rows(data.test());
    float[][] restored = predictor.predict(test);
    report.put("code_size", predictor.codeSize());
    report.put("test_mse", FashionPixels.mse(restored, test));
    Path png = settings.out().resolve("reconstructions.png");
    PixelGrid.write(png, gridRows(GRID_COLUMNS, test, restored), GRID_COLUMNS);
    report.put("reconstructions_png", png.toString());
  }
}
