package dev.deepwire.runtime.export;

import dev.deepwire.runtime.diagnostics.FaultPoints;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;

/**
 * Writes a session's graph and variables as a TensorFlow SavedModel in the TensorFlow Serving layout
 * {@code base/<version>/}, with a {@code serving_default} predict signature under tag {@code serve}.
 *
 * <p>The export is atomic: it is written into a hidden folder beside the target, forced to disk and then
 * renamed, so a server polling {@code base} sees either no version or a complete one.
 */
public final class SavedModelExporter {

  /** The start of the hidden temp folders exports are written into. */
  static final String TEMP_PREFIX = ".export-";

  private SavedModelExporter() {}

  /**
   * Exports {@code session} as version {@code version} under {@code base}.
   *
   * @param inputs the signature's inputs by name (placeholders of the session's graph)
   * @param outputs the signature's outputs by name
   * @return the version folder written
   * @throws FileAlreadyExistsException if that version exists already
   */
  public static Path export(Session session, Map<String, ? extends Operand<?>> inputs,
      Map<String, ? extends Operand<?>> outputs, Path base, long version) throws IOException {
    Path target = ServingLayout.versionDir(base, version);
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString(), null, "version " + version + " exists already");
    }
    Files.createDirectories(base);
    Path temp = Files.createTempDirectory(base, TEMP_PREFIX + version + "-");
    try {
      FaultPoints.reached(FaultPoints.EXPORT_BEGIN, temp);
      SavedModelBundle.exporter(temp.toString())
          .withTags(ServingLayout.TAG)
          .withSession(session)
          .withSignature(signature(inputs, outputs))
          .export();
      FaultPoints.reached(FaultPoints.EXPORT_WRITE, temp);
      forceAll(temp);
      FaultPoints.reached(FaultPoints.EXPORT_RENAME, temp);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      force(base);
      return target;
    } finally {
      if (Files.exists(temp)) {
        deleteTree(temp);
      }
    }
  }

  /**
   * Deletes the temp folders that exports killed mid-way left under {@code base}. Only for a base folder
   * this process owns: another process's export in progress would lose its folder.
   *
   * @return how many were deleted
   */
  public static int deleteStaleTemps(Path base) throws IOException {
    if (!Files.isDirectory(base)) {
      return 0;
    }
    int deleted = 0;
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(base, TEMP_PREFIX + "*")) {
      for (Path temp : stale) {
        deleteTree(temp);
        deleted++;
      }
    }
    return deleted;
  }

  /** The {@code serving_default} predict signature over the given operands. */
  static Signature signature(Map<String, ? extends Operand<?>> inputs, Map<String, ? extends Operand<?>> outputs) {
    Signature.Builder builder = Signature.builder(ServingLayout.SIGNATURE_KEY)
        .methodName(ServingLayout.PREDICT_METHOD);
    inputs.forEach(builder::input);
    outputs.forEach(builder::output);
    return builder.build();
  }

  private static void forceAll(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        force(path);
      }
    }
  }

  /** Flushes a file or folder to disk; folders some file systems refuse to open are left to the OS. */
  private static void force(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException ignored) {
      // Durability only: the rename stays atomic either way.
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
    }
  }
}
