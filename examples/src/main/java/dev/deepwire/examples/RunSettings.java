package dev.deepwire.examples;

import dev.deepwire.examples.data.DataSource;
import java.nio.file.Path;

/**
 * What the command line asks of an example run.
 *
 * @param out the directory the trained weights are saved to and restored from
 * @param progress whether to show the progress bar and per-epoch lines on standard error
 */
public record RunSettings(int epochs, int batchSize, DataSource data, long seed, Path out, boolean progress) {

  /** The checkpoint file of a trained example. */
  public Path checkpoint() {
    return out.resolve("model.dwckpt");
  }
}
