package dev.deepwire.examples.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.examples.siamese.SiameseFashionCnn;
import dev.deepwire.examples.siamese.SiameseFashionCnnGraph;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.FitOptions;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.RuntimeOptions;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.Triplets;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;

/**
 * Siamese and triplet models: one set of tower weights for all branches; the contrastive loss uses the distance's
 * margin; triplet training needs no targets.
 */
class SiameseModelsTest {

  @Test
  void siameseCnnCreatesOneSetOfTowerVariables() {
    try (CompiledModel<SiameseFashionCnn> model =
        CompiledModel.compile(new SiameseFashionCnnGraph(), new RuntimeOptions(1, 2, 1))) {
      long weights = 0;
      for (Iterator<GraphOperation> it = model.graph().operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        if (op.type().equals("VariableV2") && (op.name().endsWith(".kernel") || op.name().endsWith(".bias"))) {
          assertTrue(op.name().startsWith("fashionTower."), op.name());
          weights++;
        }
      }
      assertEquals(4, weights, "c1 and c2, a kernel and a bias each, for both branches");
      assertNull(model.graph().operation("fashionTower_1.c1.kernel"));

      SplittableRandom random = new SplittableRandom(2);
      float[][] x = {image(random)};
      float[][] y = {image(random)};
      float xy = model.predictor().predict(Map.of("left", x, "right", y)).get("distance")[0][0];
      float yx = model.predictor().predict(Map.of("left", y, "right", x)).get("distance")[0][0];
      float xx = model.predictor().predict(Map.of("left", x, "right", x)).get("distance")[0][0];
      assertEquals(xy, yx, 1e-6f, "shared weights make the distance symmetric");
      assertTrue(xx < 1e-3f && xy > 10 * xx, "an image is at distance ~0 from itself: " + xx + " vs " + xy);
    }
  }

  @Test
  void contrastiveLossUsesTheMarginOfTheDistance() {
    try (CompiledModel<SiameseFashionCnn> model =
        CompiledModel.compile(new SiameseFashionCnnGraph(), new RuntimeOptions(1, 2, 1))) {
      SplittableRandom random = new SplittableRandom(4);
      int n = 16;
      float[][] left = new float[n][];
      float[][] right = new float[n][];
      float[] same = new float[n];
      for (int i = 0; i < n; i++) {
        left[i] = image(random);
        right[i] = i % 4 == 0 ? left[i] : image(random); // some pairs at distance ~0, inside the margin
        same[i] = i % 2;
      }
      float[][] distances = model.predictor().predict(Map.of("left", left, "right", right)).get("distance");
      double reference = 0;
      for (int i = 0; i < n; i++) {
        double d = distances[i][0];
        reference += same[i] == 1 ? d * d : Math.pow(Math.max(0, 0.5 - d), 2);
      }
      Dataset pairs = Dataset.builder().floats("left", flat(left), 28, 28, 1).floats("right", flat(right), 28, 28, 1)
          .floats("distance", same, 1).build();
      assertEquals(reference / n, model.evaluator().evaluate(pairs, n).get("loss"), 1e-6,
          "y d^2 + (1 - y) max(0, 0.5 - d)^2 with @Distance(margin = 0.5)");
    }
  }

  @Test
  void tripletLossTrainsCodesThatPutPositivesCloser() {
    int n = 600;
    SplittableRandom random = new SplittableRandom(5);
    float[] points = new float[n * 6];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < 6; j++) {
        points[i * 6 + j] = (float) (random.nextGaussian() + (j % 3 == labels[i] ? 2.5 : 0));
      }
    }
    Dataset examples = Dataset.builder().floats("x", points, 6).build();
    Dataset train = Triplets.random(labels, 2000, 1).toDataset(examples, "x", "anchor", "positive", "negative");
    Dataset test = Triplets.random(labels, 500, 2).toDataset(examples, "x", "anchor", "positive", "negative");
    try (CompiledModel<TripletCodes> model =
        CompiledModel.compile(new TripletCodesGraph(), new RuntimeOptions(1, 2, 1))) {
      double before = ordered(model, test);
      History history = model.trainer().fit(train, FitOptions.builder().epochs(8).batchSize(32).seed(3).build());
      double firstLoss = history.epochs().get(0).train().get("loss");
      double lastLoss = history.last().train().get("loss");
      double after = ordered(model, test);
      assertTrue(lastLoss < 0.5 * firstLoss, "triplet loss " + firstLoss + " -> " + lastLoss);
      assertTrue(after > 0.95 && after > before, "positive closer than negative: " + before + " -> " + after);
    }
  }

  /** The fraction of triplets whose positive lies closer to the anchor than the negative. */
  private static double ordered(CompiledModel<TripletCodes> model, Dataset triplets) {
    float[][] distances = model.predictor().predict(Map.of(
        "anchor", rows(triplets, "anchor"), "positive", rows(triplets, "positive"),
        "negative", rows(triplets, "negative"))).get("distances");
    int ordered = 0;
    for (float[] d : distances) {
      ordered += d[0] < d[1] ? 1 : 0;
    }
    return ordered / (double) distances.length;
  }

  private static float[][] rows(Dataset data, String column) {
    float[][] rows = new float[data.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = data.floats(column).example(i);
    }
    return rows;
  }

  private static float[] flat(float[][] rows) {
    float[] values = new float[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, values, i * rows[i].length, rows[i].length);
    }
    return values;
  }

  private static float[] image(SplittableRandom random) {
    float[] pixels = new float[28 * 28];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextDouble();
    }
    return pixels;
  }
}
