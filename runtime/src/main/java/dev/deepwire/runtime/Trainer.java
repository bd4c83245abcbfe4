package dev.deepwire.runtime;

import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.internal.DataPass;
import dev.deepwire.runtime.internal.ProgressDisplay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * Trains a model with mini-batch gradient descent: shuffled epochs, validation, checkpoints and a
 * progress bar. Not thread-safe: one {@code fit} at a time per model.
 *
 * <pre>{@code
 * History history = trainer.fit(train, FitOptions.builder().epochs(10).batchSize(64).build());
 * }</pre>
 *
 * @param <M> the annotated model class
 */
public final class Trainer<M> {

  /** The file {@link FitOptions#checkpointDir()} keeps the latest checkpoint in. */
  public static final String LAST_CHECKPOINT = "last.dwckpt";

  private static final Logger log = LoggerFactory.getLogger(Trainer.class);

  private final CompiledModel<M> model;

  Trainer(CompiledModel<M> model) {
    this.model = model;
  }

  /**
   * Trains on {@code data}: each column feeds the input or target of the same name.
   *
   * @return loss and metrics per epoch
   */
  public History fit(Dataset data, FitOptions options) {
    ModelSignature signature = model.signature();
    if (!signature.trainable()) {
      throw new IllegalStateException(signature.name()
          + " has no loss: set @Model(loss = ...) or @Output(loss = ...) to train it");
    }
    Dataset train = data;
    Dataset validation = options.validationData().orElse(null);
    if (options.validationSplit() > 0) {
      Dataset.Split split = data.split(1 - options.validationSplit(), options.seed());
      train = split.first();
      validation = split.second();
    }
    int firstEpoch = resume(options) + 1;
    History history = new History();
    long stepsPerEpoch = (train.size() + options.batchSize() - 1) / options.batchSize();
    try (TFloat32 trainingFlag = TFloat32.scalarOf(1f);
         TFloat32 rate = TFloat32.scalarOf((float) signature.learningRate())) {
      for (int epoch = firstEpoch; epoch <= options.epochs(); epoch++) {
        Consumer<Session.Runner> feedRate = options.learningRate().isEmpty() ? null
            : rateFeeder(options, epoch, stepsPerEpoch, rate);
        EpochResult result = runEpoch(train, validation, options, epoch, trainingFlag, feedRate);
        history.add(result);
        checkpoint(options, epoch);
        log.debug("epoch {}/{}: {}", epoch, options.epochs(), result);
        options.listeners().forEach(l -> l.onEpochEnd(result));
      }
    }
    return history;
  }

  /** Feeds each step its scheduled rate, rewriting one scalar tensor in place. */
  private Consumer<Session.Runner> rateFeeder(FitOptions options, int epoch, long stepsPerEpoch, TFloat32 rate) {
    LearningRateSchedule schedule = options.learningRate().orElseThrow();
    long totalSteps = stepsPerEpoch * options.epochs();
    long[] step = {stepsPerEpoch * (epoch - 1)};
    double base = model.signature().learningRate();
    return runner -> {
      var progress = new LearningRateSchedule.Progress(step[0]++, totalSteps, epoch, options.epochs(), base);
      rate.setFloat((float) schedule.rate(progress));
      runner.feed(model.ops().learningRate(), rate);
    };
  }

  private EpochResult runEpoch(Dataset train, Dataset validation, FitOptions options, int epoch, TFloat32 flag,
      Consumer<Session.Runner> feedRate) {
    int[] order = options.shuffle()
        ? Dataset.permutation(train.size(), options.seed() * 1_000_003L + epoch)
        : identity(train.size());
    long start = System.nanoTime();
    Map<String, Double> trainMetrics;
    if (options.progressBar() && ProgressDisplay.interactive()) {
      try (ProgressDisplay bar = new ProgressDisplay("epoch " + epoch + "/" + options.epochs(), order.length)) {
        trainMetrics = DataPass.run(model.session(), model.ops(), model.signature(), train,
            options.batchSize(), order, flag, feedRate, bar::advance);
      }
    } else {
      trainMetrics = DataPass.run(model.session(), model.ops(), model.signature(), train,
          options.batchSize(), order, flag, feedRate, null);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> validationMetrics = validation == null
        ? Map.of() : model.evaluator().evaluate(validation);
    return new EpochResult(epoch, new LinkedHashMap<>(trainMetrics), validationMetrics, seconds);
  }

  private int resume(FitOptions options) {
    if (options.checkpointDir().isEmpty()) {
      return 0;
    }
    Path file = options.checkpointDir().get().resolve(LAST_CHECKPOINT);
    if (!Files.exists(file)) {
      return 0;
    }
    try {
      int epoch = Checkpoints.restore(model, file);
      log.info("resumed {} from {} after epoch {}", model.signature().name(), file, epoch);
      return epoch;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resume from " + file + ": " + e.getMessage(), e);
    }
  }

  private void checkpoint(FitOptions options, int epoch) {
    if (options.checkpointDir().isEmpty()) {
      return;
    }
    Path file = options.checkpointDir().get().resolve(LAST_CHECKPOINT);
    try {
      Checkpoints.save(model, file, epoch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }
}
