package dev.deepwire.examples.cluster;

import dev.deepwire.examples.RunSettings;
import dev.deepwire.runtime.distributed.ClusterSpec;
import dev.deepwire.runtime.distributed.TaskId;
import java.io.IOException;
import java.util.Map;

/** An example that can train data-parallel on a TensorFlow cluster ({@code train <name> --cluster ... --task ...}). */
public interface ClusterExample {

  /**
   * Runs worker {@code task} of {@code cluster} on this example (parameter servers need no example). The
   * chief's report has the figures of {@code train} (test metrics included); other workers report their
   * own steps.
   */
  Map<String, Object> trainOnCluster(RunSettings settings, ClusterSpec cluster, TaskId task) throws IOException;
}
