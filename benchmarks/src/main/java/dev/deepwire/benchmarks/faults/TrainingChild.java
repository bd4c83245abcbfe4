package dev.deepwire.benchmarks.faults;

import dev.deepwire.examples.cli.DeepwireCli;
import dev.deepwire.runtime.diagnostics.FaultPoints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The example command line ({@code train ...}) in a child JVM, with the fault points on: the harness reads
 * the points it reaches from its standard error and kills it with {@code SIGKILL}
 * ({@link Process#destroyForcibly()} on Linux: no shutdown hook or {@code finally} block runs).
 */
final class TrainingChild implements AutoCloseable {

  private static final String END = "\u0000end";

  private final Process process;
  private final BlockingQueue<String> markers = new LinkedBlockingQueue<>();
  private final Deque<String> errorTail = new ArrayDeque<>();
  private final List<String> output = new ArrayList<>();
  private final List<Thread> readers = new ArrayList<>();

  private TrainingChild(Process process) {
    this.process = process;
    readers.add(read(process.getErrorStream(), this::onErrorLine, () -> markers.add(END)));
    readers.add(read(process.getInputStream(), line -> {
      synchronized (output) {
        output.add(line);
      }
    }, () -> { }));
  }

  /**
   * Starts {@code java DeepwireCli <args>} on this JVM's class path.
   *
   * @param kill the kill to prepare for (its point pauses the child), or null for a run left alone
   */
  static TrainingChild start(List<String> args, Kill kill) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        // Start-up dominates a child's time; TF does the math, so C1-compiled Java is enough.
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    if (kill != null) {
      command.add("-Ddeepwire.faults.announce=" + !kill.pauses());
      if (kill.pauses()) {
        command.add("-Ddeepwire.faults.pause=" + kill.point() + "#" + kill.occurrence());
        command.add("-Ddeepwire.faults.fraction=" + kill.fraction());
      }
    }
    command.add(DeepwireCli.class.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return new TrainingChild(builder.start());
  }

  /**
   * Waits until the child reaches {@code point} for the {@code occurrence}-th time.
   *
   * @return the marker line, or empty when the child ended first
   */
  Optional<String> awaitPoint(String point, int occurrence, Duration timeout) throws InterruptedException {
    String wanted = FaultPoints.MARKER + " " + point + " " + occurrence + " ";
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = markers.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null || line.equals(END)) {
        return Optional.empty();
      }
      if (line.startsWith(wanted)) {
        return Optional.of(line);
      }
    }
  }

  /** Sends SIGKILL and waits for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Waits for the child to end by itself; -1 if it is still running after {@code timeout}. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return -1;
    }
    for (Thread reader : readers) {
      reader.join(10_000);
    }
    return process.exitValue();
  }

  /** The last line the child printed on standard output (its JSON report), or "". */
  String lastOutputLine() {
    synchronized (output) {
      return output.isEmpty() ? "" : output.get(output.size() - 1);
    }
  }

  /** The last lines of its standard error, for a failure message. */
  String errorTail() {
    synchronized (errorTail) {
      return String.join("\n", errorTail);
    }
  }

  private void onErrorLine(String line) {
    if (line.startsWith(FaultPoints.MARKER)) {
      markers.add(line);
      return;
    }
    synchronized (errorTail) {
      errorTail.addLast(line);
      if (errorTail.size() > 40) {
        errorTail.removeFirst();
      }
    }
  }

  private static Thread read(InputStream stream, Consumer<String> lines, Runnable atEnd) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lines.accept(line);
        }
      } catch (IOException e) {
        // the child was killed: its pipes close
      } finally {
        atEnd.run();
      }
    }, "training-child-reader");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
