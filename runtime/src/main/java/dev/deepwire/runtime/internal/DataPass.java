package dev.deepwire.runtime.internal;

import dev.deepwire.runtime.ModelSignature;
import dev.deepwire.runtime.data.Dataset;
import java.util.Map;
import org.tensorflow.Session;

/** An evaluation pass over a data set in batches, in inference mode: loss and metrics averaged over examples. */
public final class DataPass {

  private DataPass() {}

  /** Loss and metrics over all of {@code data}. */
  public static Map<String, Double> evaluate(
      Session session, ModelOps ops, ModelSignature signature, Dataset data, int batchSize) {
    int[] order = new int[data.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    try (BatchRunner runner = new BatchRunner(session, ops, signature, data, batchSize)) {
      MetricSums sums = new MetricSums(runner.names());
      for (int from = 0; from < order.length; from += batchSize) {
        int count = Math.min(batchSize, order.length - from);
        sums.add(runner.run(order, from, count, Map.of(), false), count);
      }
      return sums.means();
    }
  }
}
