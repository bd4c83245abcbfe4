package dev.deepwire.examples.cluster;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.util.Types;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.Checkpoints;
import dev.deepwire.runtime.EpochResult;
import dev.deepwire.runtime.LearningRateSchedule;
import dev.deepwire.runtime.ModelGraph;
import dev.deepwire.runtime.RuntimeOptions;
import dev.deepwire.runtime.distributed.ClusterFitOptions;
import dev.deepwire.runtime.distributed.ClusterFitResult;
import dev.deepwire.runtime.distributed.ClusterSpec;
import dev.deepwire.runtime.distributed.ClusterTrainer;
import dev.deepwire.runtime.distributed.TaskId;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one worker of an example on a cluster: the model's generated graph from its Guice module, this
 * worker's shard of the training split, the example's learning-rate schedule over the global step. The chief
 * then saves the weights where {@code evaluate} and {@code predict} read them, evaluates on the test split
 * and releases the parameter servers.
 */
public final class ClusterRun {

  private ClusterRun() {}

  /** Trains worker {@code task}; returns its report (the test metrics too on the chief). */
  public static <M> Map<String, Object> train(String example, Module generatedModule, Class<M> modelClass,
      RunSettings settings, ClusterSpec cluster, TaskId task, TrainTest data, LearningRateSchedule schedule)
      throws IOException {
    @SuppressWarnings("unchecked")
    ModelGraph<M> graph = (ModelGraph<M>) Guice.createInjector(generatedModule)
        .getInstance(Key.get(Types.newParameterizedType(ModelGraph.class, modelClass)));
    ClusterFitOptions options = ClusterFitOptions.of(settings.epochs(), settings.batchSize(), settings.seed())
        .withLearningRate(schedule);
    if (settings.training().resume()) {
      options = options.withCheckpoints(settings.backupDir(), 200);
    }
    if (settings.progress()) {
      options = options.withListener(r -> System.err.printf("%s epoch %d/%d of its shard  %s  (%.1f s)%n", task,
          r.epoch(), settings.epochs(), r.train(), r.seconds()));
    }
    try (ClusterTrainer<M> worker = ClusterTrainer.join(graph, cluster, task,
        RuntimeOptions.defaults().withSeed(settings.seed()))) {
      ClusterFitResult result = worker.fit(data.train(), options);
      Map<String, Object> report = report(example, settings, cluster, result);
      if (worker.isChief()) {
        Checkpoints.save(worker.model(), settings.checkpoint(), settings.epochs());
        report.put("test_examples", data.test().size());
        worker.model().evaluator().evaluate(data.test()).forEach((metric, value) -> report.put("test_" + metric, value));
        report.put("model", settings.checkpoint().toString());
        worker.endJob();
      }
      return report;
    }
  }

  private static Map<String, Object> report(String example, RunSettings settings, ClusterSpec cluster,
      ClusterFitResult result) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("example", example);
    report.put("task", result.task().toString());
    report.put("workers", cluster.workers().size());
    report.put("parameter_servers", cluster.parameterServers().size());
    report.put("epochs", settings.epochs());
    report.put("batch_size", settings.batchSize());
    report.put("global_steps", result.globalSteps());
    report.put("worker_steps", result.steps());
    report.put("train_seconds", result.seconds());
    report.put("examples_per_second", result.jobExamplesPerSecond());
    report.put("worker_examples_per_second", result.workerExamplesPerSecond());
    if (!result.epochs().isEmpty()) {
      EpochResult last = result.epochs().get(result.epochs().size() - 1);
      last.train().forEach((metric, value) -> report.put("shard_" + metric, value));
    }
    return report;
  }
}
