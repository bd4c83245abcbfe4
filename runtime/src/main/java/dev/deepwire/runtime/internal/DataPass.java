package dev.deepwire.runtime.internal;

import dev.deepwire.annotations.Metric;
import dev.deepwire.runtime.ModelSignature;
import dev.deepwire.runtime.data.Dataset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * One pass over a data set in batches: a training epoch (with the train op) or an evaluation. Returns
 * the loss and metrics averaged over examples.
 */
public final class DataPass {

  private DataPass() {}

  /**
   * Runs the pass.
   *
   * @param order the example order (a permutation for shuffled training)
   * @param trainingFlag a scalar 1 to feed while training, or null to evaluate
   * @param beforeBatch adds per-step feeds (a scheduled learning rate), may be null
   * @param afterBatch told the running means after each batch (progress display), may be null
   */
  public static Map<String, Double> run(
      Session session, ModelOps ops, ModelSignature signature, Dataset data, int batchSize,
      int[] order, TFloat32 trainingFlag, Consumer<Session.Runner> beforeBatch,
      BiConsumer<Integer, Map<String, Double>> afterBatch) {
    Map<String, Placeholder<?>> feeds = new LinkedHashMap<>(ops.inputs());
    feeds.putAll(targetFeeds(ops, signature));
    String[] names = ops.reported().keySet().toArray(new String[0]);
    double[] sums = new double[names.length];
    long seen = 0;
    try (BatchFeeder feeder = new BatchFeeder(data, feeds, batchSize)) {
      for (int from = 0; from < order.length; from += batchSize) {
        int count = Math.min(batchSize, order.length - from);
        Session.Runner runner = session.runner();
        feeder.feed(runner, order, from, count);
        if (trainingFlag != null) {
          runner.feed(ops.training(), trainingFlag).addTarget(ops.trainOp());
        }
        if (beforeBatch != null) {
          beforeBatch.accept(runner);
        }
        for (Operand<TFloat32> value : ops.reported().values()) {
          runner.fetch(value);
        }
        try (Result result = runner.run()) {
          for (int i = 0; i < names.length; i++) {
            sums[i] += ((TFloat32) result.get(i)).getFloat() * (double) count;
          }
        }
        seen += count;
        if (afterBatch != null) {
          afterBatch.accept(count, means(signature, names, sums, seen));
        }
      }
    }
    return means(signature, names, sums, seen);
  }

  /** The target placeholders, keyed by the data column that fills them (the output's target name). */
  private static Map<String, Placeholder<?>> targetFeeds(ModelOps ops, ModelSignature signature) {
    Map<String, Placeholder<?>> byColumn = new LinkedHashMap<>();
    ops.targets().forEach((output, placeholder) ->
        byColumn.put(signature.output(output).orElseThrow().target(), placeholder));
    return byColumn;
  }

  private static Map<String, Double> means(ModelSignature signature, String[] names, double[] sums, long seen) {
    Map<String, Double> means = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      double mean = seen == 0 ? Double.NaN : sums[i] / seen;
      means.put(names[i], finish(names[i], mean));
    }
    return means;
  }

  /** RMSE is reported as a batch MSE; root it once averaged. */
  private static double finish(String name, double mean) {
    return name.endsWith(Metric.RMSE.name().toLowerCase()) ? Math.sqrt(mean) : mean;
  }
}
