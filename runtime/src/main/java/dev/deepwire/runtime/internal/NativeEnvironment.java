package dev.deepwire.runtime.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The process environment as native code sees it. {@link System#getenv} is a copy taken at JVM start, and
 * TensorFlow's native library reads its switches with C's {@code getenv}: changing one for TensorFlow takes
 * libc's {@code setenv}, before the library loads.
 */
public final class NativeEnvironment {

  /** libc, through JNA. */
  private interface LibC extends Library {
    int setenv(String name, String value, int overwrite);

    String getenv(String name);
  }

  private static final String TENSORFLOW_LIBRARY = "libtensorflow";

  private NativeEnvironment() {}

  private static final class Holder {
    static final LibC LIBC = Native.load("c", LibC.class);
  }

  /** The variable's value as native code reads it now, or null. */
  public static String get(String name) {
    return Holder.LIBC.getenv(name);
  }

  /** Sets a variable for native code read after this call. */
  public static void set(String name, String value) {
    if (Holder.LIBC.setenv(name, value, 1) != 0) {
      throw new IllegalStateException("setenv(" + name + ") failed: errno " + Native.getLastError());
    }
  }

  /**
   * Whether TensorFlow's native library is mapped into this process already (from {@code /proc/self/maps});
   * false where that file does not exist.
   */
  public static boolean tensorFlowLoaded() {
    Path maps = Path.of("/proc/self/maps");
    if (!Files.isReadable(maps)) {
      return false;
    }
    try (Stream<String> lines = Files.lines(maps)) {
      return lines.anyMatch(line -> line.contains(TENSORFLOW_LIBRARY));
    } catch (IOException e) {
      return false;
    }
  }
}
