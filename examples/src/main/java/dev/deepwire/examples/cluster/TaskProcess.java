package dev.deepwire.examples.cluster;

import dev.deepwire.runtime.distributed.TaskId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One task's JVM: its standard error goes to a log prefixed with the task; its last output line is kept. */
public final class TaskProcess {

  private final TaskId task;
  private final Process process;
  private final Thread stdout;
  private final Thread stderr;
  private volatile String lastLine = "";

  TaskProcess(TaskId task, Process process, PrintStream log) {
    this.task = task;
    this.process = process;
    this.stdout = pump(process.getInputStream(), line -> lastLine = line);
    this.stderr = pump(process.getErrorStream(), line -> log.println("[" + task + "] " + line));
  }

  public TaskId task() {
    return task;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to end; returns its exit code, or -1 if it ran past {@code timeout}. */
  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return -1;
    }
    stdout.join(timeout.toMillis());
    stderr.join(timeout.toMillis());
    return process.exitValue();
  }

  /** The last line the task printed on standard output: with {@code --json}, its report. */
  public String lastLine() {
    return lastLine;
  }

  /** Ends the process at once (SIGKILL), as a crash would. */
  public void kill() {
    process.destroyForcibly();
  }

  private static Thread pump(InputStream stream, Consumer<String> sink) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          sink.accept(line);
        }
      } catch (IOException e) {
        // the process was killed and its pipe closed: nothing more to read
      }
    }, "task-output");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
