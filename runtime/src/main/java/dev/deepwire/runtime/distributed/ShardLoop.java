package dev.deepwire.runtime.distributed;

import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.EpochResult;
import dev.deepwire.runtime.ModelSignature;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.internal.BatchFeeder;
import dev.deepwire.runtime.internal.MetricSums;
import dev.deepwire.runtime.internal.ModelOps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFOutOfRangeException;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A worker's training steps over its shard: each step feeds a batch, pushes its gradients tagged with the
 * worker's local step, and takes the next token, whose value is the global step the next gradients are
 * computed at. It ends when a token reaches the job's last step, or when the chief closes the token queue.
 *
 * <p>The position in the shard counts this worker's steps from the global step it joined at, so a
 * restarted worker carries on about where it stopped; each epoch of the shard is shuffled from the seed,
 * the epoch and the task, and dropout is keyed by the step and the task, so workers draw different masks.
 */
final class ShardLoop {

  private static final Logger log = LoggerFactory.getLogger(ShardLoop.class);

  private final CompiledModel<?> model;
  private final ModelOps ops;
  private final SyncReplicas.Handles sync;
  private final TaskId task;
  private final int workers;
  private final Dataset shard;
  private final int batchSize;
  private final int stepsPerEpoch;
  private final ClusterFitOptions options;

  ShardLoop(CompiledModel<?> model, ModelOps ops, SyncReplicas.Handles sync, TaskId task, int workers, Dataset shard,
      int batchSize, int stepsPerEpoch, ClusterFitOptions options) {
    this.model = model;
    this.ops = ops;
    this.sync = sync;
    this.task = task;
    this.workers = workers;
    this.shard = shard;
    this.batchSize = batchSize;
    this.stepsPerEpoch = stepsPerEpoch;
    this.options = options;
  }

  /**
   * Trains from global step {@code start} until the job reaches {@code rounds} updates.
   *
   * @param globalBatch examples per update, all workers together (for the result)
   */
  ClusterFitResult run(long start, long rounds, int globalBatch) {
    String[] names = ops.reported().keySet().toArray(new String[0]);
    List<EpochResult> epochs = new ArrayList<>();
    long localStep = start;
    long position = start;
    long steps = 0;
    long examples = 0;
    long began = System.nanoTime();
    try (BatchFeeder feeder = new BatchFeeder(shard, feeds(ops, model.signature()), batchSize);
         TFloat32 training = TFloat32.scalarOf(1f);
         TInt64 dropoutStep = TInt64.scalarOf(0L);
         TInt64 local = TInt64.scalarOf(0L)) {
      MetricSums sums = new MetricSums(names);
      long epochStarted = System.nanoTime();
      int[] order = null;
      long orderEpoch = -1;
      while (localStep < rounds) {
        long epoch = position / stepsPerEpoch;
        int batch = (int) (position % stepsPerEpoch);
        if (epoch != orderEpoch) {
          // One process's shuffle (Trainer's formula) for worker 0, and a different one for every other worker.
          order = Dataset.permutation(shard.size(), options.seed() * 1_000_003L + epoch + 1 + task.index() * 7_919L);
          orderEpoch = epoch;
        }
        int from = Math.min(batch * batchSize, shard.size() - 1);
        int count = Math.min(batchSize, shard.size() - from);
        dropoutStep.setLong(position * workers + task.index());
        local.setLong(localStep);
        Session.Runner runner = model.session().runner();
        feeder.feed(runner, order, from, count);
        runner.feed(ops.training(), training).feed(ops.step(), dropoutStep).feed(sync.localStep(), local)
            .addTarget(ops.trainOp()).fetch(sync.token()).fetch(ops.reportedVector());
        float[] values = new float[names.length];
        try (Result result = runner.run()) {
          localStep = ((TInt64) result.get(0)).getLong();
          ((TFloat32) result.get(1)).asRawTensor().data().asFloats().read(values);
        } catch (TFOutOfRangeException closed) {
          break; // the chief closed the token queue: the job has made its last update
        }
        sums.add(values, count);
        steps++;
        examples += count;
        position++;
        if (position % stepsPerEpoch == 0) {
          EpochResult result = new EpochResult((int) (position / stepsPerEpoch), sums.means(), Map.of(),
              (System.nanoTime() - epochStarted) / 1e9);
          epochs.add(result);
          options.listeners().forEach(listener -> listener.onEpochEnd(result));
          sums = new MetricSums(names);
          epochStarted = System.nanoTime();
        }
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    log.info("{} stopped at global step {} after {} steps ({} examples) in {} s", task, localStep, steps, examples,
        String.format("%.1f", seconds));
    return new ClusterFitResult(task, epochs, Math.min(localStep, rounds) - start, steps, examples, seconds,
        globalBatch);
  }

  /** The placeholders the shard's columns fill: each input and each output's targets, by column name. */
  private static Map<String, Placeholder<?>> feeds(ModelOps ops, ModelSignature signature) {
    Map<String, Placeholder<?>> feeds = new LinkedHashMap<>(ops.inputs());
    ops.targets().forEach((output, placeholder) -> feeds.put(signature.output(output).orElseThrow().target(), placeholder));
    return feeds;
  }
}
