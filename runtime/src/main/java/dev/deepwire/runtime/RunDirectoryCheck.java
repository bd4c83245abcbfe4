package dev.deepwire.runtime;

import dev.deepwire.runtime.internal.ModelOps.VariableSlot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Checks, before any training step, that a run directory can be created and written and has room for what
 * the run will write, so that a bad path or a full disk fails at once with the folder's name instead of at
 * the first backup, an epoch or an hour later.
 *
 * <pre>{@code
 * RunDirectoryCheck.standard().verify(Path.of("runs/dnn"), RunDirectoryCheck.checkpointBytes(model) * 2);
 * }</pre>
 */
public final class RunDirectoryCheck {

  /** Test-only: a number of bytes {@link #standard()} reports as free instead of asking the file system. */
  public static final String FREE_SPACE_PROPERTY = "deepwire.test.freeSpaceBytes";

  /** Free bytes of the file system holding a folder: a seam so tests can simulate a full disk. */
  @FunctionalInterface
  public interface FreeSpace {
    long usableBytes(Path folder) throws IOException;
  }

  /** Thrown when a run directory cannot be used; the message names it and says what is wrong. */
  public static final class RunDirectoryException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    RunDirectoryException(String message, IOException cause) {
      super(message, cause != null ? cause : new IOException(message));
    }
  }

  private static final String PROBE = ".deepwire-write-probe-";

  private final FreeSpace freeSpace;

  public RunDirectoryCheck(FreeSpace freeSpace) {
    this.freeSpace = freeSpace;
  }

  /** The file system's usable space, or {@value #FREE_SPACE_PROPERTY} when a test sets it. */
  public static RunDirectoryCheck standard() {
    String simulated = System.getProperty(FREE_SPACE_PROPERTY);
    return new RunDirectoryCheck(simulated != null
        ? folder -> Long.parseLong(simulated)
        : folder -> Files.getFileStore(folder).getUsableSpace());
  }

  /**
   * Creates {@code dir} if needed, writes and deletes a probe file in it, and checks that it has at least
   * {@code bytesNeeded} free.
   *
   * @throws RunDirectoryException naming {@code dir} and the problem
   */
  public void verify(Path dir, long bytesNeeded) {
    create(dir);
    probe(dir);
    long free;
    try {
      free = freeSpace.usableBytes(dir);
    } catch (IOException e) {
      throw new RunDirectoryException("cannot tell the free space of run directory " + dir + ": " + e.getMessage(), e);
    }
    if (free < bytesNeeded) {
      throw new RunDirectoryException(String.format(Locale.ROOT,
          "not enough free space for run directory %s: %s free, the run writes about %s (checkpoints and exports)",
          dir, megabytes(free), megabytes(bytesNeeded)), null);
    }
  }

  /** The size of one checkpoint of {@code model}: every variable (optimizer slots included) with its name. */
  public static long checkpointBytes(CompiledModel<?> model) {
    long bytes = 64;
    for (VariableSlot slot : model.ops().variables()) {
      bytes += slot.variable().shape().size() * Float.BYTES + 8L * slot.variable().shape().numDimensions()
          + slot.name().length() + 8;
    }
    return bytes;
  }

  /** The size of one SavedModel export of {@code model}: its variables and its graph. */
  public static long exportBytes(CompiledModel<?> model) {
    return checkpointBytes(model) + model.graph().toGraphDef().getSerializedSize();
  }

  private static void create(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      Path blocker = nearestExisting(dir.toAbsolutePath());
      String why = blocker != null && !Files.isDirectory(blocker)
          ? blocker + " is a file, not a folder" : e.getClass().getSimpleName() + " " + e.getMessage();
      throw new RunDirectoryException("cannot create run directory " + dir + ": " + why, e);
    }
  }

  private static void probe(Path dir) {
    Path probe = dir.resolve(PROBE + ProcessHandle.current().pid());
    try {
      try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(ByteBuffer.wrap("deepwire".getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
      } finally {
        Files.deleteIfExists(probe);
      }
    } catch (IOException e) {
      throw new RunDirectoryException("run directory " + dir + " is not writable: "
          + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
  }

  private static Path nearestExisting(Path path) {
    for (Path p = path; p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        return p;
      }
    }
    return null;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
