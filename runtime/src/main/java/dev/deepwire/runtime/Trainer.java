package dev.deepwire.runtime;

import dev.deepwire.runtime.data.Dataset;

/**
 * Trains a model with mini-batch gradient descent: shuffled epochs, validation, learning-rate schedules,
 * callbacks, backups with exact resume, and a progress bar. Not thread-safe: one {@code fit} at a time
 * per model.
 *
 * <pre>{@code
 * History history = trainer.fit(train, FitOptions.builder().epochs(10).batchSize(64).build());
 * }</pre>
 *
 * @param <M> the annotated model class
 */
public final class Trainer<M> {

  /** The file {@link FitOptions#checkpointDir()} keeps the latest backup in. */
  public static final String LAST_CHECKPOINT = "last.dwckpt";

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
    // A backup folder that cannot hold two backups (the last and its temp copy) fails now, not at the first backup.
    options.checkpointDir().ifPresent(dir ->
        RunDirectoryCheck.standard().verify(dir, 2 * RunDirectoryCheck.checkpointBytes(model)));
    return new TrainingLoop(model, options, train, validation).run();
  }
}
