package dev.deepwire.runtime.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** The TensorFlow Serving conventions of an exported model: its tag, signature key, method and folders. */
public final class ServingLayout {

  /** The meta graph tag TensorFlow Serving loads. */
  public static final String TAG = "serve";

  /** The signature a predict request uses when it names none. */
  public static final String SIGNATURE_KEY = "serving_default";

  /** The method name of a predict signature. */
  public static final String PREDICT_METHOD = "tensorflow/serving/predict";

  /** The graph file inside a version folder. */
  public static final String GRAPH_FILE = "saved_model.pb";

  private ServingLayout() {}

  /** The folder of {@code version} under {@code base}: {@code base/<version>}. */
  public static Path versionDir(Path base, long version) {
    if (version < 0) {
      throw new IllegalArgumentException("a model version must be >= 0, got " + version);
    }
    return base.resolve(Long.toString(version));
  }

  /**
   * The complete versions under {@code base}, ascending: numeric folders holding a {@value #GRAPH_FILE}.
   * Folders being written (any other name) are skipped; a missing base has no versions.
   */
  public static List<Long> versions(Path base) throws IOException {
    List<Long> versions = new ArrayList<>();
    if (!Files.isDirectory(base)) {
      return versions;
    }
    try (Stream<Path> children = Files.list(base)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        OptionalLong version = parseVersion(child.getFileName().toString());
        if (version.isPresent() && Files.isRegularFile(child.resolve(GRAPH_FILE))) {
          versions.add(version.getAsLong());
        }
      }
    }
    versions.sort(null);
    return versions;
  }

  /** The version after the highest one under {@code base}, or 1 when there is none. */
  public static long nextVersion(Path base) throws IOException {
    List<Long> versions = versions(base);
    return versions.isEmpty() ? 1 : versions.get(versions.size() - 1) + 1;
  }

  private static OptionalLong parseVersion(String name) {
    if (name.isEmpty() || name.length() > 18 || !name.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(name));
  }
}
