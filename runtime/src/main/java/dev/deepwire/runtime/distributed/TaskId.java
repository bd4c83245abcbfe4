package dev.deepwire.runtime.distributed;

import org.tensorflow.DeviceSpec;

/**
 * One task of a cluster, written {@code worker:0} or {@code ps:1}. Worker 0 is the chief: it initialises
 * the variables, aggregates the workers' gradients and writes checkpoints.
 */
public record TaskId(String job, int index) {

  public TaskId {
    if (!job.equals(ClusterSpec.PS) && !job.equals(ClusterSpec.WORKER) || index < 0) {
      throw new IllegalArgumentException("task '" + job + ":" + index + "': expected ps:N or worker:N");
    }
  }

  /** Parses {@code worker:0}. */
  public static TaskId parse(String text) {
    String[] parts = text.trim().split(":");
    if (parts.length != 2 || !parts[1].matches("\\d+")) {
      throw new IllegalArgumentException("task '" + text + "': expected ps:N or worker:N");
    }
    return new TaskId(parts[0], Integer.parseInt(parts[1]));
  }

  public static TaskId worker(int index) {
    return new TaskId(ClusterSpec.WORKER, index);
  }

  public static TaskId ps(int index) {
    return new TaskId(ClusterSpec.PS, index);
  }

  public boolean isParameterServer() {
    return job.equals(ClusterSpec.PS);
  }

  /** Whether this is worker 0, which initialises, aggregates and checkpoints. */
  public boolean isChief() {
    return job.equals(ClusterSpec.WORKER) && index == 0;
  }

  /** This task's device, e.g. {@code /job:ps/task:1}. */
  public DeviceSpec device() {
    return DeviceSpec.newBuilder().job(job).task(index).build();
  }

  @Override
  public String toString() {
    return job + ":" + index;
  }
}
