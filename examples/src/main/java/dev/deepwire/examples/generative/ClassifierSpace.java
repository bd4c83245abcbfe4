package dev.deepwire.examples.generative;

import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.FitOptions;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.IntColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The quality measure of the generators: a {@link FeatureClassifier} trained on Fashion-MNIST (kept in
 * {@code <out>/fid-classifier} and reused), the FID between generated and real test images in its
 * penultimate-layer features, and its mean top probability on generated images (near 1 when samples look
 * like one clear class).
 */
final class ClassifierSpace implements AutoCloseable {

  /** Images compared per FID: the same count for trained and untrained generators keeps them comparable. */
  static final int FID_IMAGES = 2000;

  private static final int CLASSIFIER_EPOCHS = 3;

  private final ModelRun<FeatureClassifier> run;
  private final float[][] realFeatures;
  private final double testAccuracy;

  private ClassifierSpace(ModelRun<FeatureClassifier> run, float[][] realFeatures, double testAccuracy) {
    this.run = run;
    this.realFeatures = realFeatures;
    this.testAccuracy = testAccuracy;
  }

  /** Trains the classifier, or restores it when an earlier run left it in the output directory. */
  static ClassifierSpace open(TrainTest data, RunSettings settings) throws IOException {
    RunSettings own = new RunSettings(CLASSIFIER_EPOCHS, 64, settings.data(), settings.seed(),
        settings.out().resolve("fid-classifier"), false);
    ModelRun<FeatureClassifier> run = ModelRun.start(new FeatureClassifierModule(), FeatureClassifier.class,
        settings.seed());
    try {
      Dataset train = labelled(data.train());
      if (Files.exists(own.checkpoint())) {
        run.restore(own, "fid-classifier");
      } else {
        run.trainer().fit(train, FitOptions.builder().epochs(CLASSIFIER_EPOCHS).batchSize(64).seed(settings.seed())
            .progressBar(false).build());
        run.save(own, CLASSIFIER_EPOCHS);
      }
      double accuracy = run.evaluator().evaluate(labelled(data.test())).get("accuracy");
      float[][] real = run.predictor().encode(FashionPixels.rows(data.test(), FID_IMAGES));
      return new ClassifierSpace(run, real, accuracy);
    } catch (IOException | RuntimeException e) {
      run.close();
      throw e;
    }
  }

  /** FID of {@code images} against the real test images, and the classifier's mean top probability on them. */
  Map<String, Double> score(float[][] images) {
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("fid", FrechetDistance.between(run.predictor().encode(images), realFeatures));
    double top = 0;
    for (float[] probabilities : run.predictor().predict(images)) {
      float best = 0;
      for (float p : probabilities) {
        best = Math.max(best, p);
      }
      top += best;
    }
    scores.put("mean_max_probability", top / images.length);
    return scores;
  }

  /**
   * Puts the scores of a trained and of an untrained generator's images into {@code report}:
   * {@code fid_trained}, {@code fid_untrained}, their ratio, the mean top probabilities, and the
   * classifier's test accuracy.
   */
  void compare(float[][] trainedImages, float[][] untrainedImages, Map<String, Object> report) {
    Map<String, Double> trained = score(trainedImages);
    Map<String, Double> untrained = score(untrainedImages);
    report.put("classifier_test_accuracy", testAccuracy);
    report.put("fid_trained", trained.get("fid"));
    report.put("fid_untrained", untrained.get("fid"));
    report.put("fid_ratio", trained.get("fid") / untrained.get("fid"));
    report.put("max_probability_trained", trained.get("mean_max_probability"));
    report.put("max_probability_untrained", untrained.get("mean_max_probability"));
  }

  private static Dataset labelled(Dataset data) {
    return FashionPixels.column(data, "pixels").withColumn("label",
        new IntColumn(data.ints(FashionMnist.LABEL).values(), new int[0]));
  }

  @Override
  public void close() {
    run.close();
  }
}
