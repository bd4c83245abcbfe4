package dev.deepwire.examples.cluster;

import dev.deepwire.examples.cli.DeepwireCli;
import dev.deepwire.runtime.distributed.ClusterSpec;
import dev.deepwire.runtime.distributed.TaskId;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster of separate JVMs on loopback, one per task, each running {@code train <example> --cluster ...
 * --task ...} of this command line. Separate processes, not threads: a TF server cannot be stopped (the
 * native library does not implement it), so a task ends by ending its process, and a killed worker must be
 * a process to be killed.
 */
public final class LocalCluster implements AutoCloseable {

  private final ClusterSpec spec;
  private final PrintStream log;
  private final List<TaskProcess> started = new ArrayList<>();

  private LocalCluster(ClusterSpec spec, PrintStream log) {
    this.spec = spec;
    this.log = log;
  }

  /** {@code parameterServers} and {@code workers} tasks on free loopback ports; task output goes to {@code log}. */
  public static LocalCluster onLoopback(int parameterServers, int workers, PrintStream log) throws IOException {
    return new LocalCluster(new ClusterSpec(freePorts(parameterServers), freePorts(workers)), log);
  }

  public ClusterSpec spec() {
    return spec;
  }

  /**
   * Starts {@code task} in a new JVM with this JVM's class path.
   *
   * @param trainArguments what follows {@code train}: the example and its options
   */
  public TaskProcess start(TaskId task, List<String> trainArguments, Path workingDirectory) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), DeepwireCli.class.getName(), "train"));
    command.addAll(trainArguments);
    command.addAll(List.of("--cluster", spec.toString(), "--task", task.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    builder.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
    TaskProcess process = new TaskProcess(task, builder.start(), log);
    started.add(process);
    return process;
  }

  private static List<String> freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        sockets.add(socket);
        addresses.add("127.0.0.1:" + socket.getLocalPort());
      }
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
    return addresses;
  }

  /** Kills every task still running. */
  @Override
  public void close() {
    started.forEach(TaskProcess::kill);
  }
}
