package dev.deepwire.runtime.distributed;

import org.tensorflow.Server;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.ServerDef;

/**
 * Starts this process's TensorFlow server (gRPC) for one task of a cluster. The native library does not
 * implement {@code Server.stop()}, so a server lives as long as its process: end the process to end it.
 */
final class TaskServer {

  /** Servers are never stopped: held here so nothing can collect them while the process runs. */
  private static final java.util.List<Server> RUNNING = new java.util.concurrent.CopyOnWriteArrayList<>();

  private TaskServer() {}

  /** Starts the server of {@code task}; returns its session target, {@code grpc://host:port}. */
  static String start(ClusterSpec cluster, TaskId task, ConfigProto config) {
    Server server = new Server(ServerDef.newBuilder()
        .setCluster(cluster.toClusterDef())
        .setJobName(task.job())
        .setTaskIndex(task.index())
        .setProtocol("grpc")
        .setDefaultSessionConfig(config)
        .build());
    server.start();
    RUNNING.add(server);
    return "grpc://" + cluster.address(task);
  }
}
