package dev.deepwire.examples.generative;

import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.Predictor;
import java.util.Map;

/**
 * {@code sparse-autoencoder}: {@link SparseAutoencoder}; reports the test reconstruction MSE, the code units'
 * mean activation (the KL penalty's target is 0.05) and how many units an image turns on.
 */
public final class SparseExample extends AutoencoderExample<SparseAutoencoder> {

  static final double TARGET = 0.05;

  public SparseExample() {
    super("sparse-autoencoder", "Sparse autoencoder: 256 sigmoid code units, KL sparsity target 0.05, on Fashion-MNIST",
        SparseAutoencoderModule::new, SparseAutoencoder.class);
  }

  @Override
  void measure(Predictor<SparseAutoencoder> predictor, TrainTest data, RunSettings settings,
      Map<String, Object> report) {
    float[][] test = FashionPixels.rows(data.test());
    float[][] codes = predictor.encode(test);
    double sum = 0;
    long on = 0;
    for (float[] code : codes) {
      for (float a : code) {
        sum += a;
        on += a > 0.5f ? 1 : 0;
      }
    }
    int units = codes[0].length;
    report.put("test_mse", FashionPixels.mse(predictor.predict(test), test));
    report.put("sparsity_target", TARGET);
    report.put("mean_activation", sum / ((double) codes.length * units));
    report.put("units", units);
    report.put("units_on_per_image", on / (double) codes.length);
  }
}
