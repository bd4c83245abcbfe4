package dev.deepwire.runtime.internal;

import dev.deepwire.runtime.ModelSignature;
import dev.deepwire.runtime.data.Dataset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Runs one batch of a data set through a model: feeds inputs and targets, optionally the train op, and
 * fetches the reported loss and metrics. Runs go through TensorFlow's C API with arrays built once per kind of
 * run ({@link RawStep}), or through {@code Session.Runner} where the native handles cannot be read.
 */
public final class BatchRunner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

  /** What distinguishes one kind of run from another: the extra feeds and whether the train op runs. */
  private record Kind(List<Operand<?>> extraFeeds, boolean train) {}

  private final Session session;
  private final ModelOps ops;
  private final BatchFeeder feeder;
  private final String[] names;
  private final Map<Kind, RawStep> rawSteps = new HashMap<>();
  private boolean rawUnavailable;
  private Map<Operand<?>, Tensor> lastExtraFeeds;
  private boolean lastTrain;
  private RawStep lastRaw;

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
   * @param extraFeeds more tensors to feed, such as the training flag, step and learning rate, by operand; the
   *     same map (same keys in the same order) from run to run lets the runs share their native set-up
   * @param train whether to run the train op
   * @return the batch's reported values, in {@link #names()} order
   */
  public float[] run(int[] order, int from, int count, Map<Operand<?>, Tensor> extraFeeds, boolean train) {
    float[] reported = new float[names.length];
    RawStep raw = rawStep(extraFeeds, train);
    if (raw != null) {
      List<Tensor> values = feeder.fill(order, from, count); // a fresh list: the extra feeds follow the data
      values.addAll(extraFeeds.values());
      raw.run(values, reported);
      return reported;
    }
    Session.Runner runner = session.runner();
    feeder.feed(runner, order, from, count);
    extraFeeds.forEach(runner::feed);
    if (train) {
      runner.addTarget(ops.trainOp());
    }
    runner.fetch(ops.reportedVector());
    try (Result result = runner.run()) {
      ((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(reported);
    }
    return reported;
  }

  /**
   * The raw step for this kind of run, made on first use; null once the native handles proved unreadable. Callers
   * pass the same map from step to step, so the last one is checked first, without building a key.
   */
  private RawStep rawStep(Map<Operand<?>, Tensor> extraFeeds, boolean train) {
    if (rawUnavailable) {
      return null;
    }
    if (extraFeeds == lastExtraFeeds && train == lastTrain) {
      return lastRaw;
    }
    Kind kind = new Kind(List.copyOf(extraFeeds.keySet()), train);
    RawStep raw = rawSteps.get(kind);
    if (raw == null) {
      List<Operand<?>> feeds = new ArrayList<>(feeder.placeholders());
      feeds.addAll(kind.extraFeeds());
      try {
        raw = new RawStep(session, feeds, ops.reportedVector(), train ? ops.trainOp() : null);
      } catch (UnsupportedOperationException e) {
        log.info("running batches through Session.Runner: {}", e.getMessage());
        rawUnavailable = true;
        return null;
      }
      rawSteps.put(kind, raw);
    }
    lastExtraFeeds = extraFeeds;
    lastTrain = train;
    lastRaw = raw;
    return raw;
  }

  @Override
  public void close() {
    rawSteps.values().forEach(RawStep::close);
    feeder.close();
  }
}
