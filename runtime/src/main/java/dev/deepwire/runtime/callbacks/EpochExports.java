package dev.deepwire.runtime.callbacks;

import dev.deepwire.runtime.EpochResult;
import dev.deepwire.runtime.TrainingCallback;
import dev.deepwire.runtime.TrainingContext;
import dev.deepwire.runtime.export.SavedModelExporter;
import dev.deepwire.runtime.export.ServingLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Exports the model after every epoch as SavedModel version {@code <epoch>} under a base folder, so a server
 * watching that folder picks up each epoch's weights. Each export is atomic ({@link SavedModelExporter}).
 *
 * <p>Safe to resume: a version that is already complete is kept (a resumed run that redoes an epoch reaches
 * the same weights), and the temp folders of exports killed mid-way are deleted when training begins, so the
 * base folder must belong to this run alone.
 */
public final class EpochExports implements TrainingCallback {

  private final Path base;

  private EpochExports(Path base) {
    this.base = base;
  }

  /** Exports into {@code base/<epoch>/}. */
  public static EpochExports into(Path base) {
    return new EpochExports(base);
  }

  @Override
  public void onTrainBegin(TrainingContext context) {
    try {
      SavedModelExporter.deleteStaleTemps(base);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean export folder " + base + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void onEpochEnd(TrainingContext context, EpochResult result) {
    try {
      if (!ServingLayout.versions(base).contains((long) result.epoch())) {
        context.model().export(base, result.epoch());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export epoch " + result.epoch() + " to " + base + ": " + e.getMessage(), e);
    }
  }
}
