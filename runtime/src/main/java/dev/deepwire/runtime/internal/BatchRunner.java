package dev.deepwire.runtime.internal;

import dev.deepwire.runtime.ModelSignature;
import dev.deepwire.runtime.data.Dataset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Runs one batch of a data set through a model: feeds inputs and targets, optionally the train op, and
 * fetches the reported loss and metrics.
 */
public final class BatchRunner implements AutoCloseable {

  private final Session session;
  private final ModelOps ops;
  private final BatchFeeder feeder;
  private final String[] names;

  public BatchRunner(Session session, ModelOps ops, ModelSignature signature, Dataset data, int batchSize) {
    this.session = session;
    this.ops = ops;
    Map<String, Placeholder<?>> feeds = new LinkedHashMap<>(ops.inputs());
    ops.targets().forEach((output, placeholder) ->
        feeds.put(signature.output(output).orElseThrow().target(), placeholder));
    this.feeder = new BatchFeeder(data, feeds, batchSize);
    this.names = ops.reported().keySet().toArray(new String[0]);
  }

  /** The names of the values {@link #run} returns, in order: {@code loss} first, then the metrics. */
  public String[] names() {
    return names.clone();
  }

  /**
   * Runs examples {@code order[from .. from + count)}.
   *
   * @param extraFeeds adds feeds such as the training flag, step and learning rate; may be null
   * @param train whether to run the train op
   * @return the batch's reported values, in {@link #names()} order
   */
  public float[] run(int[] order, int from, int count, Consumer<Session.Runner> extraFeeds, boolean train) {
    Session.Runner runner = session.runner();
    feeder.feed(runner, order, from, count);
    if (extraFeeds != null) {
      extraFeeds.accept(runner);
    }
    if (train) {
      runner.addTarget(ops.trainOp());
    }
    runner.fetch(ops.reportedVector());
    float[] values = new float[names.length];
    try (Result result = runner.run()) {
      ((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(values);
    }
    return values;
  }

  @Override
  public void close() {
    feeder.close();
  }
}
