package dev.deepwire.runtime.distributed;

import dev.deepwire.runtime.Checkpoints;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.LearningRateSchedule;
import dev.deepwire.runtime.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The chief's aggregation loop, on a thread of its own beside the chief's training: each run waits for the
 * workers' gradients, applies their mean, and hands out the next tokens, until the job has made all its
 * updates; then it closes the token queue, which stops every worker. It is the only writer of the weights,
 * so checkpoints taken between its runs are consistent.
 */
final class Aggregator implements Runnable {

  /** The checkpoint metadata key of the global step. */
  static final String GLOBAL_STEP = "global_step";

  private static final Logger log = LoggerFactory.getLogger(Aggregator.class);

  private final CompiledModel<?> model;
  private final SyncReplicas.Handles sync;
  private final long rounds;
  private final int stepsPerEpoch;
  private final ClusterFitOptions options;
  private volatile RuntimeException failure;

  Aggregator(CompiledModel<?> model, SyncReplicas.Handles sync, long rounds, int stepsPerEpoch,
      ClusterFitOptions options) {
    this.model = model;
    this.sync = sync;
    this.rounds = rounds;
    this.stepsPerEpoch = stepsPerEpoch;
    this.options = options;
  }

  @Override
  public void run() {
    Session session = model.session();
    try (TFloat32 rate = TFloat32.scalarOf((float) model.signature().learningRate())) {
      long step = globalStep(session);
      while (step < rounds) {
        Session.Runner runner = session.runner().addTarget(sync.aggregate()).fetch(sync.stepAfterAggregate());
        if (options.learningRate().isPresent()) {
          rate.setFloat((float) rateAt(options.learningRate().get(), step));
          runner.feed(sync.learningRate(), rate);
        }
        try (Result result = runner.run()) {
          step = ((TInt64) result.get(0)).getLong();
        }
        if (step % options.checkpointEverySteps() == 0 || step == rounds) {
          checkpoint(step);
        }
      }
    } catch (RuntimeException e) {
      failure = e;
      log.error("aggregation failed: {}", e.getMessage());
    } finally {
      closeTokens(session);
    }
  }

  /** Throws what stopped the aggregation, if anything did. */
  void rethrowFailure() {
    if (failure != null) {
      throw new IllegalStateException("the chief's aggregation failed: " + failure.getMessage(), failure);
    }
  }

  private double rateAt(LearningRateSchedule schedule, long step) {
    int epoch = (int) (step / stepsPerEpoch) + 1;
    double base = model.signature().learningRate();
    return schedule.rate(new LearningRateSchedule.Progress(step, rounds, Math.min(epoch, options.epochs()),
        options.epochs(), base));
  }

  private void checkpoint(long step) {
    if (options.checkpointDir().isEmpty()) {
      return;
    }
    Path file = options.checkpointDir().get().resolve(Trainer.LAST_CHECKPOINT);
    Map<String, String> meta = Map.of(GLOBAL_STEP, Long.toString(step), "epoch", Long.toString(step / stepsPerEpoch));
    try {
      Checkpoints.write(Checkpoints.capture(model, meta), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  private long globalStep(Session session) {
    try (Result result = session.runner().fetch(sync.globalStep()).run()) {
      return ((TInt64) result.get(0)).getLong();
    }
  }

  private void closeTokens(Session session) {
    try {
      session.run(sync.closeTokens());
    } catch (RuntimeException e) {
      log.warn("cannot close the token queue: {}", e.getMessage());
    }
  }
}
