package dev.deepwire.runtime.internal;

import dev.deepwire.runtime.ModelSignature;
import dev.deepwire.runtime.data.Dataset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.tensorflow.Operand;
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
    for (Operand<TFloat32> value : ops.reported().values()) {
      runner.fetch(value);
    }
    float[] values = new float[names.length];
    try (Result result = runner.run()) {
      for (int i = 0; i < names.length; i++) {
        values[i] = ((TFloat32) result.get(i)).getFloat();
      }
    }
    return values;
  }

  @Override
  public void close() {
    feeder.close();
  }
}
