package dev.deepwire.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident set size, which counts native memory (TF, oneDNN, libtorch) the JVM heap does not. */
public final class PeakRss {

  private PeakRss() {}

  /** {@code VmHWM} of {@code /proc/self/status} in MB, or NaN where there is no such file (not Linux). */
  public static double megabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      // not Linux: no figure
    }
    return Double.NaN;
  }
}
