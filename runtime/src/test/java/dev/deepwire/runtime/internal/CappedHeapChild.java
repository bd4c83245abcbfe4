package dev.deepwire.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a leak check's main class in a child JVM whose heap is capped at 64 MB: in the test JVM the heap grows
 * with the calls' garbage by more than a native leak would add, hiding it.
 */
final class CappedHeapChild {

  private CappedHeapChild() {}

  /** The last line the child printed: fields separated by spaces. Fails the test if the child fails. */
  static String[] lastLine(Class<?> main) throws IOException, InterruptedException {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-cp", System.getProperty("java.class.path"), main.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String report = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child did not finish: " + report);
    assertEquals(0, child.exitValue(), report);
    return report.substring(report.lastIndexOf('\n') + 1).split(" ");
  }

  /** This process's resident set in KiB. */
  static long rssKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
