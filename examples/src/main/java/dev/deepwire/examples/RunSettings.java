package dev.deepwire.examples;

import dev.deepwire.examples.data.DataSource;
import java.nio.file.Path;

/**
 * What the command line asks of an example run.
 *
 * @param out the directory the trained weights, plots and backups go to
 * @param progress whether to show the progress bar and per-epoch lines on standard error
 * @param training the optional training aids: schedule, early stopping, resume, TensorBoard
 */
public record RunSettings(int epochs, int batchSize, DataSource data, long seed, Path out, boolean progress,
    TrainingAids training) {

  /** Settings without training aids. */
  public RunSettings(int epochs, int batchSize, DataSource data, long seed, Path out, boolean progress) {
    this(epochs, batchSize, data, seed, out, progress, TrainingAids.NONE);
  }

  /** The same settings with another seed, e.g. for one of several runs averaged. */
  public RunSettings withSeed(long newSeed) {
    return new RunSettings(epochs, batchSize, data, newSeed, out, progress, training);
  }

  /** The checkpoint file of a trained example. */
  public Path checkpoint() {
    return out.resolve("model.dwckpt");
  }

  /** Where {@code --resume} keeps its backups. */
  public Path backupDir() {
    return out.resolve("backup");
  }
}
