package dev.deepwire.examples.generative;

import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.Predictor;
import java.util.Map;

/**
 * {@code hashing}: {@link HashingAutoencoder}; thresholds its codes into 64-bit hashes and reports, for every
 * test image, the share of its 10 nearest training images in Hamming distance that have its class
 * (precision@10; chance is 0.1). The labels are used for measuring only, never for training.
 */
public final class HashingExample extends AutoencoderExample<HashingAutoencoder> {

  static final int NEIGHBOURS = 10;

  public HashingExample() {
    super("hashing", "Semantic hashing: 64-bit binary codes of Fashion-MNIST images, precision@10 of Hamming"
        + " neighbours", HashingAutoencoderModule::new, HashingAutoencoder.class);
  }

  @Override
  void measure(Predictor<HashingAutoencoder> predictor, TrainTest data, RunSettings settings,
      Map<String, Object> report) {
    float[][] trainCodes = predictor.encode(FashionPixels.rows(data.train()));
    float[][] testCodes = predictor.encode(FashionPixels.rows(data.test()));
    long[] database = hashes(trainCodes);
    long[] queries = hashes(testCodes);
    int[] trainLabels = data.train().ints(FashionMnist.LABEL).values();
    int[] testLabels = data.test().ints(FashionMnist.LABEL).values();
    report.put("bits", testCodes[0].length);
    report.put("saturated_share", saturatedShare(testCodes));
    report.put("precision_at_10", HammingSearch.precisionAtK(queries, testLabels, database, trainLabels, NEIGHBOURS));
    report.put("chance_precision", 0.1);
  }

  /** One bit per code unit above 0.5. */
  static long[] hashes(float[][] codes) {
    if (codes[0].length > Long.SIZE) {
      throw new IllegalArgumentException("at most 64 bits per hash, got " + codes[0].length);
    }
    long[] hashes = new long[codes.length];
    for (int i = 0; i < codes.length; i++) {
      for (int b = 0; b < codes[i].length; b++) {
        if (codes[i][b] > 0.5f) {
          hashes[i] |= 1L << b;
        }
      }
    }
    return hashes;
  }

  /** The share of code values below 0.1 or above 0.9: how binary the codes already are. */
  private static double saturatedShare(float[][] codes) {
    long saturated = 0;
    for (float[] code : codes) {
      for (float v : code) {
        saturated += v < 0.1f || v > 0.9f ? 1 : 0;
      }
    }
    return saturated / ((double) codes.length * codes[0].length);
  }
}
