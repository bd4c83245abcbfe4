package dev.deepwire.examples.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.examples.ModelRun;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.FitOptions;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.RuntimeOptions;
import dev.deepwire.runtime.data.Dataset;
import java.util.Iterator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;

/** Models compiled by the processor in this module's test sources, run end to end. */
class GeneratedModelsTest {

  @Test
  void siameseTowersShareOneSetOfWeights() {
    try (CompiledModel<SameItem> model = CompiledModel.compile(new SameItemGraph(), new RuntimeOptions(1, 2, 1))) {
      assertNotNull(model.graph().operation("tower.h.kernel"));
      assertNotNull(model.graph().operation("tower.code.kernel"));
      long towerKernels = 0;
      for (Iterator<GraphOperation> it = model.graph().operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        if (op.type().equals("VariableV2") && op.name().startsWith("tower") && op.name().endsWith("kernel")) {
          towerKernels++;
        }
      }
      assertEquals(2, towerKernels, "one h and one code kernel for both uses of Tower");
      assertNull(model.graph().operation("tower_1.h.kernel"));

      // Identical inputs through shared weights give identical codes, so swapping them changes nothing.
      float[][] x = {{1, 2, 3, 4, 5, 6}};
      float[][] y = {{6, 5, 4, 3, 2, 1}};
      float xy = model.predictor().predict(java.util.Map.of("left", x, "right", x)).get("same")[0][0];
      float yy = model.predictor().predict(java.util.Map.of("left", y, "right", y)).get("same")[0][0];
      assertTrue(xy > 0 && xy < 1 && yy > 0 && yy < 1);
    }
  }

  @Test
  void twoOutputDagTrainsBothHeads() {
    int n = 512;
    SplittableRandom random = new SplittableRandom(3);
    float[] a = new float[n * 8];
    float[] b = new float[n * 4];
    float[] price = new float[n];
    float[] sold = new float[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < 8; j++) {
        a[i * 8 + j] = (float) random.nextGaussian();
        sum += a[i * 8 + j];
      }
      for (int j = 0; j < 4; j++) {
        b[i * 4 + j] = (float) random.nextGaussian();
        sum -= b[i * 4 + j];
      }
      price[i] = (float) sum / 4;
      sold[i] = sum > 0 ? 1 : 0;
    }
    Dataset data = Dataset.builder().floats("a", a, 8).floats("b", b, 4)
        .floats("price", price, 1).floats("sold", sold, 1).build();
    try (ModelRun<TwoHeads> run = ModelRun.start(new TwoHeadsModule(), TwoHeads.class, 5)) {
      History history = run.trainer().fit(data, FitOptions.builder().epochs(15).batchSize(32).progressBar(false).build());
      double[] priceLoss = history.series("price_loss");
      double[] soldLoss = history.series("sold_loss");
      assertTrue(priceLoss[14] < 0.2 * priceLoss[0], java.util.Arrays.toString(priceLoss));
      assertTrue(soldLoss[14] < 0.5 * soldLoss[0], java.util.Arrays.toString(soldLoss));
      assertEquals(priceLoss[14] + soldLoss[14], history.series("loss")[14], 1e-4);
    }
  }
}
