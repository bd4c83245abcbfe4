package dev.deepwire.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the examples read their data from: the command line's {@code --data bundled|full|DIR}.
 *
 * <ul>
 *   <li>{@code bundled}: the small subsets shipped on the classpath (see the data README);</li>
 *   <li>{@code full}: the complete data sets where their Debian packages install them, e.g.
 *       {@code /usr/share/datasets/fashion-mnist};</li>
 *   <li>any other value: a directory holding the same file names as the full data set.</li>
 * </ul>
 *
 * <pre>{@code
 * DataSource source = DataSource.parse(dataOption);
 * TrainTest data = FashionMnist.load(source);
 * }</pre>
 */
public final class DataSource {

  /** The three kinds of source. */
  public enum Kind {
    BUNDLED,
    FULL,
    DIRECTORY
  }

  private final Kind kind;
  private final Path directory;

  private DataSource(Kind kind, Path directory) {
    this.kind = kind;
    this.directory = directory;
  }

  /** The subsets on the classpath. */
  public static DataSource bundled() {
    return new DataSource(Kind.BUNDLED, null);
  }

  /** The complete data sets where their packages install them. */
  public static DataSource full() {
    return new DataSource(Kind.FULL, null);
  }

  /** A directory holding the data set's files under their usual names. */
  public static DataSource directory(Path directory) {
    if (directory == null) {
      throw new IllegalArgumentException("directory must not be null");
    }
    return new DataSource(Kind.DIRECTORY, directory);
  }

  /**
   * Parses {@code --data}: {@code bundled}, {@code full} (either in any case) or a directory path.
   *
   * @throws IllegalArgumentException for a blank value
   */
  public static DataSource parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("--data must be bundled, full or a directory, got '" + spec + "'");
    }
    return switch (spec.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "bundled" -> bundled();
      case "full" -> full();
      default -> directory(Path.of(spec.trim()));
    };
  }

  /** Which kind of source this is. */
  public Kind kind() {
    return kind;
  }

  /** Whether this is the bundled subset. */
  public boolean isBundled() {
    return kind == Kind.BUNDLED;
  }

  /** The directory {@code set} is read from; {@code null} when bundled. */
  public Path directoryFor(DataSet set) {
    return switch (kind) {
      case BUNDLED -> null;
      case FULL -> set.fullDir();
      case DIRECTORY -> directory;
    };
  }

  /** A phrase for logs, e.g. {@code "Fashion-MNIST from /usr/share/datasets/fashion-mnist"}. */
  public String describe(DataSet set) {
    return isBundled()
        ? set.title() + " (bundled subset)"
        : set.title() + " from " + directoryFor(set);
  }

  /**
   * Checks that every file of {@code set} is there.
   *
   * @throws MissingDataException naming the directory, the files expected and missing, and the fix
   */
  public void require(DataSet set) throws MissingDataException {
    if (isBundled()) {
      List<String> missing = set.fileNames().stream()
          .filter(name -> DataSource.class.getResource(set.resourceDir() + "/" + name) == null)
          .toList();
      if (!missing.isEmpty()) {
        throw new MissingDataException("the bundled " + set.title() + " subset is missing " + missing
            + " from the classpath at " + set.resourceDir() + "; rebuild the examples jar, or use --data full.");
      }
      return;
    }
    Path dir = directoryFor(set);
    List<String> missing = set.fileNames().stream().filter(name -> !Files.isRegularFile(dir.resolve(name))).toList();
    if (missing.isEmpty()) {
      return;
    }
    String expected = String.join(", ", set.fileNames());
    String found = missing.size() == set.fileNames().size() ? "" : "; missing " + String.join(", ", missing);
    String fix = kind == Kind.FULL
        ? "Install it with `" + set.installHint() + "`, or use --data bundled."
        : "Put those files there, use --data full (after `" + set.installHint() + "`), or use --data bundled.";
    throw new MissingDataException(
        set.title() + " not found in " + dir + " (expected " + expected + found + "). " + fix);
  }

  /**
   * Opens one file of {@code set}; close the stream when done.
   *
   * @throws MissingDataException if the file is not there
   */
  public InputStream open(DataSet set, String fileName) throws IOException {
    if (isBundled()) {
      InputStream in = DataSource.class.getResourceAsStream(set.resourceDir() + "/" + fileName);
      if (in == null) {
        require(set);
        throw new MissingDataException("bundled resource " + set.resourceDir() + "/" + fileName + " not found");
      }
      return in;
    }
    Path file = directoryFor(set).resolve(fileName);
    if (!Files.isRegularFile(file)) {
      require(set);
      throw new MissingDataException(set.title() + " file " + file + " not found");
    }
    return Files.newInputStream(file);
  }

  @Override
  public String toString() {
    return kind == Kind.DIRECTORY ? directory.toString() : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
