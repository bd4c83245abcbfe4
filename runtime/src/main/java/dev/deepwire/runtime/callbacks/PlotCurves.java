package dev.deepwire.runtime.callbacks;

import dev.deepwire.runtime.History;
import dev.deepwire.runtime.TrainingCallback;
import dev.deepwire.runtime.TrainingContext;
import dev.deepwire.runtime.plots.TrainingPlots;
import java.awt.AWTError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plots the learning curves into PNGs when training ends: {@code runDir/loss.png} (train and validation),
 * one {@code runDir/<metric>.png} per metric (e.g. {@code accuracy.png}) and {@code runDir/lr.png}.
 *
 * <p>A plot that cannot be written (no fonts, disk full) is logged as a warning and does not fail the
 * finished training.
 */
public final class PlotCurves implements TrainingCallback {

  private static final Logger log = LoggerFactory.getLogger(PlotCurves.class);

  private final Path runDir;
  private volatile List<Path> written = List.of();

  /** Plots into {@code runDir}, creating it if needed. */
  public PlotCurves(Path runDir) {
    this.runDir = Objects.requireNonNull(runDir, "runDir");
  }

  /** The directory the PNGs go to. */
  public Path runDir() {
    return runDir;
  }

  /** The PNGs written at the end of the last training, loss first; empty before. */
  public List<Path> written() {
    return written;
  }

  @Override
  public void onTrainEnd(TrainingContext context, History history) {
    try {
      written = List.copyOf(TrainingPlots.write(runDir, history));
      log.info("learning curves: {}", written);
    } catch (IOException | RuntimeException | LinkageError | AWTError | InternalError e) {
      log.warn("cannot plot the learning curves into {}: {}", runDir, e.toString(), e);
    }
  }
}
