package dev.deepwire.examples.siamese;

import dev.deepwire.runtime.Predictor;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.training.VerificationMetrics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scores a trained Siamese model on pairs: ROC AUC on the test pairs, and accuracy on them at the distance
 * threshold that is best on the validation pairs.
 */
final class PairVerification {

  private PairVerification() {}

  /** The model's distance for each pair of {@code pairs}. */
  static float[] distances(Predictor<?> predictor, Dataset pairs) {
    int n = pairs.size();
    float[][] left = new float[n][];
    float[][] right = new float[n][];
    for (int i = 0; i < n; i++) {
      left[i] = pairs.floats(PairData.LEFT).example(i);
      right[i] = pairs.floats(PairData.RIGHT).example(i);
    }
    float[][] rows = predictor.predict(Map.of(PairData.LEFT, left, PairData.RIGHT, right)).get("distance");
    float[] distances = new float[n];
    for (int i = 0; i < n; i++) {
      distances[i] = rows[i][0];
    }
    return distances;
  }

  /** The distance threshold with the best accuracy on the validation pairs. */
  static double threshold(Predictor<?> predictor, PairData data) {
    return VerificationMetrics.bestThreshold(distances(predictor, data.validation()),
        data.validation().floats(PairData.SAME).values());
  }

  /** {@code test_roc_auc}, {@code validation_roc_auc}, {@code threshold}, {@code test_accuracy}. */
  static Map<String, Object> report(Predictor<?> predictor, PairData data) {
    float[] validation = distances(predictor, data.validation());
    float[] validationSame = data.validation().floats(PairData.SAME).values();
    float[] test = distances(predictor, data.test());
    float[] testSame = data.test().floats(PairData.SAME).values();
    double threshold = VerificationMetrics.bestThreshold(validation, validationSame);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("validation_pairs", validation.length);
    report.put("test_pairs", test.length);
    report.put("validation_roc_auc", VerificationMetrics.rocAuc(validation, validationSame));
    report.put("threshold", threshold);
    report.put("test_roc_auc", VerificationMetrics.rocAuc(test, testSame));
    report.put("test_accuracy", VerificationMetrics.accuracy(test, testSame, threshold));
    return report;
  }
}
