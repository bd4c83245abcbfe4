package dev.deepwire.examples.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Where one data set's files live: its bundled subset on the classpath, its full copy on disk, and how
 * to install the full copy.
 *
 * @param title the name people know it by, e.g. {@code "Fashion-MNIST"}
 * @param resourceDir the classpath folder of the bundled subset, e.g. {@code "/dev/deepwire/examples/data/fashion-mnist"}
 * @param fullDir where the installed full data set lives
 * @param installHint the command that installs the full data set
 * @param fileNames the files a directory must hold, the same in all three places
 */
public record DataSet(String title, String resourceDir, Path fullDir, String installHint, List<String> fileNames) {

  /** Copies the file names. */
  public DataSet {
    fileNames = List.copyOf(fileNames);
  }
}
