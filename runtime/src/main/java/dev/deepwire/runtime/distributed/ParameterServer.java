package dev.deepwire.runtime.distributed;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TBool;

/**
 * A parameter-server task: holds the variables the workers place on it and runs their updates. It has no
 * model code of its own; it serves until the chief says the job is over.
 */
public final class ParameterServer {

  private static final Logger log = LoggerFactory.getLogger(ParameterServer.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private ParameterServer() {}

  /**
   * Starts the server of ps task {@code task} and blocks until the chief releases the parameter servers.
   * The server cannot be stopped (TF's native library does not implement it): exit the process afterwards.
   */
  public static void serve(ClusterSpec cluster, int task) throws InterruptedException {
    TaskId id = TaskId.ps(task);
    ConfigProto config = ConfigProto.newBuilder()
        .addDeviceFilters("/job:ps/task:" + task) // ask only this task, not the workers, which may be down
        .build();
    String target = TaskServer.start(cluster, id, config);
    log.info("parameter server {} serving at {}", id, target);
    try (Graph graph = new Graph()) {
      Operand<TBool> done = JobSignals.isDone(graph, task);
      try (Session session = RemoteSessions.open(graph, target, config)) {
        while (!isDone(session, done)) {
          Thread.sleep(POLL.toMillis());
        }
      }
    }
    log.info("parameter server {}: the chief ended the job", id);
  }

  private static boolean isDone(Session session, Operand<TBool> done) {
    try (Result result = session.runner().fetch(done).run()) {
      return ((TBool) result.get(0)).getBoolean();
    }
  }
}
