package dev.deepwire.examples;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.util.Types;
import dev.deepwire.runtime.Checkpoints;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.Evaluator;
import dev.deepwire.runtime.FitOptions;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.LearningRateSchedule;
import dev.deepwire.runtime.Predictor;
import dev.deepwire.runtime.RunDirectoryCheck;
import dev.deepwire.runtime.RuntimeOptions;
import dev.deepwire.runtime.Trainer;
import dev.deepwire.runtime.callbacks.EarlyStopping;
import dev.deepwire.runtime.callbacks.EpochExports;
import dev.deepwire.runtime.callbacks.PlotCurves;
import dev.deepwire.runtime.callbacks.TensorBoard;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.diagnostics.FaultPoints;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;

/**
 * An example's model, obtained the way an application gets one: from a Guice injector with the
 * generated module installed. Closes the model's native resources when closed.
 *
 * @param <M> the annotated model class
 */
public final class ModelRun<M> implements AutoCloseable {

  /** Room for the loss and metric curves and an example's own PNGs. */
  private static final long PLOT_BYTES = 2_000_000;

  private final Injector injector;
  private final Class<M> modelClass;
  private final CompiledModel<M> model;

  private ModelRun(Injector injector, Class<M> modelClass) {
    this.injector = injector;
    this.modelClass = modelClass;
    this.model = get(CompiledModel.class);
  }

  /** An injector with {@code generatedModule} and runtime options seeded with {@code seed}. */
  public static <M> ModelRun<M> start(Module generatedModule, Class<M> modelClass, long seed) {
    Module options = binder -> OptionalBinder.newOptionalBinder(binder, RuntimeOptions.class)
        .setBinding().toInstance(RuntimeOptions.defaults().withSeed(seed));
    return new ModelRun<>(Guice.createInjector(generatedModule, options), modelClass);
  }

  public Trainer<M> trainer() {
    return get(Trainer.class);
  }

  public Evaluator<M> evaluator() {
    return get(Evaluator.class);
  }

  public Predictor<M> predictor() {
    return get(Predictor.class);
  }

  /** The compiled model itself, for runtime tools that work on its graph (e.g. a sequence generator). */
  public CompiledModel<M> model() {
    return model;
  }

  /** Trains with the settings' epochs, batch size and seed; prints a line per epoch when asked. */
  public History fit(Dataset train, Dataset validation, RunSettings settings) {
    return fit(train, validation, settings, LearningRateSchedule.constant());
  }

  /**
   * Like {@link #fit(Dataset, Dataset, RunSettings)} with the example's learning-rate schedule; the
   * command line's training aids (another schedule, early stopping, resume, TensorBoard) apply on top, and
   * loss curves are drawn as PNGs into the output directory.
   */
  public History fit(Dataset train, Dataset validation, RunSettings settings, LearningRateSchedule schedule) {
    TrainingAids aids = settings.training();
    FitOptions.Builder options = FitOptions.builder()
        .epochs(settings.epochs())
        .batchSize(settings.batchSize())
        .seed(settings.seed())
        .learningRate(aids.learningRateSchedule() == null
            ? schedule : Schedules.parse(aids.learningRateSchedule(), settings.epochs()))
        .progressBar(settings.progress())
        .callback(new PlotCurves(settings.out()));
    if (validation != null) {
      options.validationData(validation);
    } else if (aids.earlyStoppingPatience() > 0) {
      options.validationSplit(0.1); // early stopping needs held-out data: the last tenth of a shuffle
    }
    if (aids.earlyStoppingPatience() > 0) {
      options.callback(EarlyStopping.on("val_loss").patience(aids.earlyStoppingPatience()).restoreBestWeights());
    }
    if (aids.resume()) {
      options.checkpointDir(settings.backupDir()).backupEverySteps(200);
    }
    if (aids.exportBase() != null) {
      options.callback(EpochExports.into(aids.exportBase()));
    }
    if (FaultPoints.enabled()) {
      options.callback(FaultPoints.STEP_CALLBACK); // lets a kill harness aim at a training step
    }
    verifyFolders(settings);
    if (settings.progress()) {
      options.listener(EpochLines.to(System.err, settings.epochs()));
    }
    if (aids.tensorboard() == null) {
      return trainer().fit(train, options.build());
    }
    try (TensorBoard board = TensorBoard.builder(aids.tensorboard()).build()) {
      return trainer().fit(train, options.callback(board).build());
    }
  }

  /** Fails before training when the output or export folder is unusable or too full for what the run writes. */
  private void verifyFolders(RunSettings settings) {
    long checkpoint = RunDirectoryCheck.checkpointBytes(model);
    // The saved model and, while it is rewritten, its temp copy; the same again for backups; a margin for plots.
    long output = 2 * checkpoint + (settings.training().resume() ? 2 * checkpoint : 0) + PLOT_BYTES;
    RunDirectoryCheck check = RunDirectoryCheck.standard();
    check.verify(settings.out(), output);
    if (settings.training().exportBase() != null) {
      check.verify(settings.training().exportBase(), settings.epochs() * RunDirectoryCheck.exportBytes(model));
    }
  }

  /** Saves the weights to the settings' checkpoint file. */
  public void save(RunSettings settings, int epochs) throws IOException {
    Checkpoints.deleteStaleTemps(settings.checkpoint()); // left by a run killed while saving
    Checkpoints.save(model, settings.checkpoint(), epochs);
  }

  /** Restores the weights saved by a {@code train} run. */
  public void restore(RunSettings settings, String exampleName) throws IOException {
    if (!Files.exists(settings.checkpoint())) {
      throw new FileNotFoundException("no trained '" + exampleName + "' model at " + settings.checkpoint()
          + ": run `train " + exampleName + " --out " + settings.out() + "` first");
    }
    Checkpoints.restore(model, settings.checkpoint());
  }

  @SuppressWarnings("unchecked")
  private <T> T get(Class<?> generic) {
    return (T) injector.getInstance(Key.get(Types.newParameterizedType(generic, modelClass)));
  }

  @Override
  public void close() {
    model.close();
  }
}
