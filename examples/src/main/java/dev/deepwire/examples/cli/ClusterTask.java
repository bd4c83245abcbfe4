package dev.deepwire.examples.cli;

import dev.deepwire.examples.Example;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.cluster.ClusterExample;
import dev.deepwire.runtime.distributed.ClusterSpec;
import dev.deepwire.runtime.distributed.ParameterServer;
import dev.deepwire.runtime.distributed.TaskId;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** {@code train <example> --cluster ... --task ...}: runs this process as one task of a TensorFlow cluster. */
final class ClusterTask {

  private ClusterTask() {}

  static Map<String, Object> run(Example example, RunSettings settings, String clusterText, String taskText,
      CommandLine cli) throws IOException, InterruptedException {
    if (clusterText == null || taskText == null) {
      throw new CommandLine.ParameterException(cli, "--cluster and --task go together");
    }
    ClusterSpec cluster;
    TaskId task;
    try {
      cluster = ClusterSpec.parse(clusterText);
      task = TaskId.parse(taskText);
      cluster.address(task);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, e.getMessage());
    }
    if (task.isParameterServer()) {
      ParameterServer.serve(cluster, task.index());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("example", example.name());
      report.put("task", task.toString());
      report.put("released", true);
      return report;
    }
    if (!(example instanceof ClusterExample clusterExample)) {
      throw new CommandLine.ParameterException(cli, "example '" + example.name()
          + "' does not train on a cluster yet; dnn and cnn do");
    }
    return clusterExample.trainOnCluster(settings, cluster, task);
  }
}
