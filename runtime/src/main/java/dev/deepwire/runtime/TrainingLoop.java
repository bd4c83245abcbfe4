package dev.deepwire.runtime;

import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.internal.BatchRunner;
import dev.deepwire.runtime.internal.MetricSums;
import dev.deepwire.runtime.internal.ModelOps;
import dev.deepwire.runtime.internal.ProgressDisplay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * One {@link Trainer#fit} run: epochs of shuffled batches, callbacks, backups and exact resume.
 *
 * <p>Everything random in a step is a function of the seed and the global step (data order, dropout
 * masks) and everything stateful is in the backup (weights, optimizer slots, position, metric sums,
 * learning-rate scale), so a run killed at any point and resumed reaches the same weights.
 */
final class TrainingLoop implements TrainingContext {

  private static final Logger log = LoggerFactory.getLogger(TrainingLoop.class);

  /** Where a run stands: the epoch in progress (1-based), the next batch in it, and the global step. */
  private record Position(int epoch, int batch, long step, double learningRateScale, String sums) {
    static final Position START = new Position(1, 0, 0, 1.0, "");
  }

  private final CompiledModel<?> model;
  private final FitOptions options;
  private final Dataset train;
  private final Dataset validation;
  private final List<TrainingCallback> callbacks = new ArrayList<>();
  private final int stepsPerEpoch;
  private boolean stop;
  private double learningRateScale = 1.0;

  TrainingLoop(CompiledModel<?> model, FitOptions options, Dataset train, Dataset validation) {
    this.model = model;
    this.options = options;
    this.train = train;
    this.validation = validation;
    this.stepsPerEpoch = (train.size() + options.batchSize() - 1) / options.batchSize();
    callbacks.addAll(options.callbacks());
    options.listeners().forEach(listener -> callbacks.add(new TrainingCallback() {
      @Override
      public void onEpochEnd(TrainingContext context, EpochResult result) {
        listener.onEpochEnd(result);
      }
    }));
  }

  History run() {
    ModelOps ops = model.ops();
    Position start = resume();
    learningRateScale = start.learningRateScale();
    History history = new History();
    callbacks.forEach(c -> c.onTrainBegin(this));
    try (TFloat32 trainingFlag = TFloat32.scalarOf(1f);
         TFloat32 rate = TFloat32.scalarOf((float) model.signature().learningRate());
         TInt64 stepTensor = TInt64.scalarOf(0L);
         BatchRunner runner = new BatchRunner(model.session(), ops, model.signature(), train, options.batchSize())) {
      long step = start.step();
      Map<Operand<?>, Tensor> withoutRate = new LinkedHashMap<>();
      withoutRate.put(ops.training(), trainingFlag);
      withoutRate.put(ops.step(), stepTensor);
      Map<Operand<?>, Tensor> withRate = new LinkedHashMap<>(withoutRate);
      withRate.put(ops.learningRate(), rate);
      for (int epoch = start.epoch(); epoch <= options.epochs() && !stop; epoch++) {
        boolean resumed = epoch == start.epoch();
        MetricSums sums = resumed ? MetricSums.decode(runner.names(), start.sums()) : new MetricSums(runner.names());
        int[] order = order(epoch);
        int epochNumber = epoch;
        callbacks.forEach(c -> c.onEpochBegin(this, epochNumber));
        long started = System.nanoTime();
        double lastRate = Double.NaN;
        try (ProgressDisplay bar = progressBar(epoch)) { // null without a terminal
          for (int batch = resumed ? start.batch() : 0; batch < stepsPerEpoch; batch++) {
            int from = batch * options.batchSize();
            int count = Math.min(options.batchSize(), train.size() - from);
            long current = step;
            callbacks.forEach(c -> c.onBatchBegin(this, current));
            lastRate = rateAt(step, epoch);
            // The graph's default rate is the model's: feed only a scheduled or scaled one.
            boolean feedRate = options.learningRate().isPresent() || learningRateScale != 1.0;
            rate.setFloat((float) lastRate);
            stepTensor.setLong(step);
            float[] values = runner.run(order, from, count, feedRate ? withRate : withoutRate, true);
            sums.add(values, count);
            afterBatch(step, sums, values, lastRate, count, bar);
            step++;
            if (options.backupEverySteps() > 0 && step % options.backupEverySteps() == 0
                && batch + 1 < stepsPerEpoch) {
              backup(new Position(epoch, batch + 1, step, learningRateScale, sums.encode()));
            }
          }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> trainMetrics = new LinkedHashMap<>(sums.means());
        trainMetrics.put("lr", lastRate);
        Map<String, Double> validationMetrics = validation == null ? Map.of() : model.evaluator().evaluate(validation);
        EpochResult result = new EpochResult(epoch, trainMetrics, validationMetrics, seconds);
        history.add(result);
        log.debug("epoch {}/{}: {}", epoch, options.epochs(), result);
        callbacks.forEach(c -> c.onEpochEnd(this, result));
        backup(new Position(epoch + 1, 0, step, learningRateScale, ""));
      }
    }
    callbacks.forEach(c -> c.onTrainEnd(this, history));
    return history;
  }

  private void afterBatch(long step, MetricSums sums, float[] values, double rate, int count,
      ProgressDisplay bar) {
    if (!callbacks.isEmpty()) {
      Map<String, Double> logs = sums.named(values);
      logs.put("lr", rate);
      callbacks.forEach(c -> c.onBatchEnd(this, step, logs));
    }
    if (bar != null) {
      Map<String, Double> shown = sums.means();
      shown.put("lr", rate);
      bar.advance(count, shown);
    }
  }

  private double rateAt(long step, int epoch) {
    double base = model.signature().learningRate();
    double scheduled = options.learningRate()
        .map(s -> s.rate(new LearningRateSchedule.Progress(step, (long) stepsPerEpoch * options.epochs(),
            epoch, options.epochs(), base)))
        .orElse(base);
    return scheduled * learningRateScale;
  }

  private int[] order(int epoch) {
    if (options.shuffle()) {
      return Dataset.permutation(train.size(), options.seed() * 1_000_003L + epoch);
    }
    int[] order = new int[train.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    return order;
  }

  private ProgressDisplay progressBar(int epoch) {
    if (!options.progressBar() || !ProgressDisplay.interactive()) {
      return null;
    }
    return new ProgressDisplay("epoch " + epoch + "/" + options.epochs(), train.size());
  }

  private Position resume() {
    Optional<Path> file = backupFile();
    if (file.isEmpty()) {
      return Position.START;
    }
    deleteStaleTempFiles(file.get());
    if (!Files.exists(file.get())) {
      return Position.START;
    }
    try {
      Checkpoints.Snapshot snapshot = Checkpoints.read(file.get());
      Checkpoints.apply(model, snapshot, file.get().toString());
      Map<String, String> meta = snapshot.metadata();
      Position position = meta.containsKey("batch")
          ? new Position(Integer.parseInt(meta.get("next_epoch")), Integer.parseInt(meta.get("batch")),
              Long.parseLong(meta.get("step")), Double.parseDouble(meta.get("lr_scale")), meta.get("sums"))
          : new Position(snapshot.epoch() + 1, 0, (long) snapshot.epoch() * stepsPerEpoch, 1.0, "");
      log.info("resumed {} from {} at epoch {}, batch {} (step {})", model.signature().name(), file.get(),
          position.epoch(), position.batch(), position.step());
      return position;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resume from " + file.get() + ": " + e.getMessage(), e);
    }
  }

  /** A process killed while writing a backup leaves its temp file; the backup itself is intact. */
  private static void deleteStaleTempFiles(Path backup) {
    try {
      Checkpoints.deleteStaleTemps(backup);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + backup.getParent() + ": " + e.getMessage(), e);
    }
  }

  private void backup(Position position) {
    Optional<Path> file = backupFile();
    if (file.isEmpty()) {
      return;
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("epoch", Integer.toString(position.epoch() - 1)); // completed epochs, for Snapshot.epoch()
    meta.put("next_epoch", Integer.toString(position.epoch()));
    meta.put("batch", Integer.toString(position.batch()));
    meta.put("step", Long.toString(position.step()));
    meta.put("lr_scale", Double.toString(position.learningRateScale()));
    meta.put("sums", position.sums());
    try {
      Checkpoints.write(Checkpoints.capture(model, meta), file.get());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write backup " + file.get() + ": " + e.getMessage(), e);
    }
  }

  private Optional<Path> backupFile() {
    return options.checkpointDir().map(dir -> dir.resolve(Trainer.LAST_CHECKPOINT));
  }

  @Override
  public CompiledModel<?> model() {
    return model;
  }

  @Override
  public FitOptions options() {
    return options;
  }

  @Override
  public void stopTraining() {
    stop = true;
  }

  @Override
  public boolean stopRequested() {
    return stop;
  }

  @Override
  public void scaleLearningRate(double factor) {
    learningRateScale *= factor;
  }

  @Override
  public double learningRateScale() {
    return learningRateScale;
  }
}
