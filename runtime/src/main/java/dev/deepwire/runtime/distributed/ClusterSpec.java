package dev.deepwire.runtime.distributed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.ClusterDef;
import org.tensorflow.proto.JobDef;

/**
 * The tasks of a TensorFlow cluster: a {@code ps} job of parameter servers and a {@code worker} job, each a
 * list of {@code host:port} addresses. Written {@code ps=h:p;worker=h:p,h:p} on the command line.
 *
 * @param parameterServers the addresses of {@code /job:ps/task:0, 1, ...}
 * @param workers the addresses of {@code /job:worker/task:0, 1, ...}; task 0 is the chief
 */
public record ClusterSpec(List<String> parameterServers, List<String> workers) {

  public static final String PS = "ps";
  public static final String WORKER = "worker";

  public ClusterSpec {
    parameterServers = List.copyOf(parameterServers);
    workers = List.copyOf(workers);
    if (parameterServers.isEmpty() || workers.isEmpty()) {
      throw new IllegalArgumentException("a cluster needs at least one ps and one worker task, got " + parameterServers
          + " and " + workers);
    }
  }

  /**
   * Parses {@code ps=127.0.0.1:2222;worker=127.0.0.1:2223,127.0.0.1:2224}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static ClusterSpec parse(String text) {
    Map<String, List<String>> jobs = new LinkedHashMap<>();
    for (String job : text.split(";")) {
      String[] nameAndTasks = job.trim().split("=", 2);
      String name = nameAndTasks[0].trim();
      if (nameAndTasks.length != 2 || !(name.equals(PS) || name.equals(WORKER)) || jobs.containsKey(name)) {
        throw new IllegalArgumentException("cluster '" + text + "': expected 'ps=HOST:PORT,...;worker=HOST:PORT,...', "
            + "found '" + job + "'");
      }
      List<String> addresses = new ArrayList<>();
      for (String address : nameAndTasks[1].split(",")) {
        String trimmed = address.trim();
        if (!trimmed.matches("[^:\\s]+:\\d{1,5}")) {
          throw new IllegalArgumentException("cluster '" + text + "': '" + trimmed + "' is not HOST:PORT");
        }
        addresses.add(trimmed);
      }
      jobs.put(name, addresses);
    }
    return new ClusterSpec(jobs.getOrDefault(PS, List.of()), jobs.getOrDefault(WORKER, List.of()));
  }

  /** The address of {@code task}. */
  public String address(TaskId task) {
    List<String> addresses = task.job().equals(PS) ? parameterServers : workers;
    if (task.index() >= addresses.size()) {
      throw new IllegalArgumentException("task " + task + " is not in the cluster " + this);
    }
    return addresses.get(task.index());
  }

  /** This cluster as TensorFlow's {@code ClusterDef}. */
  public ClusterDef toClusterDef() {
    return ClusterDef.newBuilder().addJob(job(PS, parameterServers)).addJob(job(WORKER, workers)).build();
  }

  private static JobDef job(String name, List<String> addresses) {
    JobDef.Builder job = JobDef.newBuilder().setName(name);
    for (int i = 0; i < addresses.size(); i++) {
      job.putTasks(i, addresses.get(i));
    }
    return job.build();
  }

  /** The command-line form, which {@link #parse} reads back. */
  @Override
  public String toString() {
    return PS + "=" + String.join(",", parameterServers) + ";" + WORKER + "=" + String.join(",", workers);
  }
}
