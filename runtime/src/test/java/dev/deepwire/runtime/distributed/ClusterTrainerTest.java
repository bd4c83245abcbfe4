package dev.deepwire.runtime.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.DType;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.runtime.Checkpoints;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.FitOptions;
import dev.deepwire.runtime.ModelGraph;
import dev.deepwire.runtime.ModelSignature;
import dev.deepwire.runtime.OptimizerSettings;
import dev.deepwire.runtime.RuntimeOptions;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.layers.Dense;
import dev.deepwire.runtime.layers.LayerScope;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/**
 * Two parameter servers and two workers in this JVM (one TF server per task, on loopback): synchronous
 * updates must equal one process's full-batch gradient descent, update for update.
 */
class ClusterTrainerTest {

  private static final RuntimeOptions OPTIONS = new RuntimeOptions(3, 1, 1);
  private static final int EXAMPLES = 40;
  private static final int EPOCHS = 4;

  /** 3 features → 8 tanh → 1 linear, MSE, plain SGD: no randomness in a step. */
  static final class Regression implements ModelGraph<Regression> {
    @Override
    public ModelSignature signature() {
      return ModelSignature.builder("Regression")
          .input("x", DType.FLOAT32, 3)
          .output("y", Loss.MSE, "y", 1.0, 1)
          .optimizer(OptimizerSettings.of(OptimizerType.SGD, 0.1))
          .build();
    }

    @Override
    public Map<String, Operand<TFloat32>> forward(LayerScope scope, Map<String, Operand<TFloat32>> inputs) {
      Operand<TFloat32> hidden = Dense.withUnits(8).activation(ActivationFunction.TANH).build()
          .call(scope.child("hidden"), inputs.get("x"));
      return Map.of("y", Dense.withUnits(1).build().call(scope.child("y"), hidden));
    }
  }

  static Dataset data() {
    SplittableRandom random = new SplittableRandom(5);
    float[] x = new float[EXAMPLES * 3];
    float[] y = new float[EXAMPLES];
    for (int i = 0; i < EXAMPLES; i++) {
      for (int j = 0; j < 3; j++) {
        x[3 * i + j] = (float) random.nextGaussian();
      }
      y[i] = x[3 * i] - 2 * x[3 * i + 1] * x[3 * i + 2];
    }
    return Dataset.builder().floats("x", x, 3).floats("y", y, 1).build();
  }

  @Test
  @Timeout(120)
  void twoWorkersMakeTheUpdatesOfOneProcessWithTheWholeBatch(@TempDir Path dir) throws Exception {
    Map<String, float[]> expected;
    try (CompiledModel<Regression> local = CompiledModel.compile(new Regression(), OPTIONS)) {
      local.trainer().fit(data(), FitOptions.builder().epochs(EPOCHS).batchSize(EXAMPLES).shuffle(false)
          .progressBar(false).build());
      expected = Checkpoints.capture(local, Map.of()).values();
    }

    ClusterSpec cluster = new ClusterSpec(List.of(loopback(), loopback()), List.of(loopback(), loopback()));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      Future<?> ps0 = threads.submit(() -> { ParameterServer.serve(cluster, 0); return null; });
      Future<?> ps1 = threads.submit(() -> { ParameterServer.serve(cluster, 1); return null; });
      // Each worker's shard (20 examples) is one batch: the global batch is the whole data set.
      ClusterFitOptions options = ClusterFitOptions.of(EPOCHS, EXAMPLES, 1).withCheckpoints(dir, 1);
      Future<ClusterFitResult> other = threads.submit(() -> {
        try (ClusterTrainer<Regression> worker = ClusterTrainer.join(new Regression(), cluster, TaskId.worker(1), OPTIONS)) {
          return worker.fit(data(), options);
        }
      });
      try (ClusterTrainer<Regression> chief = ClusterTrainer.join(new Regression(), cluster, TaskId.worker(0), OPTIONS)) {
        ClusterFitResult result = chief.fit(data(), options);
        assertEquals(EPOCHS, result.globalSteps());
        assertEquals(new HashSet<>(List.of(0, 1)), new HashSet<>(chief.placement().values()),
            "variables spread over both ps tasks: " + chief.placement());
        Map<String, float[]> actual = Checkpoints.capture(chief.model(), Map.of()).values();
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, values) -> assertArrayEquals(values, actual.get(name), 1e-5f, name));
        Map<String, String> devices = devicesOfAForwardPass(chief.model());
        assertTrue(devices.get("hidden.kernel").startsWith("/job:ps/"), "weights live on a ps task: " + devices);
        assertTrue(devices.get("hidden/Tanh").startsWith("/job:worker/replica:0/task:0/"),
            "compute runs on the worker: " + devices);
        ClusterFitResult worker = other.get(60, TimeUnit.SECONDS);
        assertEquals(EPOCHS, worker.globalSteps());
        chief.endJob();
      }
      ps0.get(30, TimeUnit.SECONDS);
      ps1.get(30, TimeUnit.SECONDS);
      Checkpoints.Snapshot last = Checkpoints.read(dir.resolve("last.dwckpt"));
      assertEquals(Integer.toString(EPOCHS), last.metadata().get("global_step"));
      assertTrue(last.values().containsKey("hidden.kernel"));
    } finally {
      threads.shutdownNow();
    }
  }

  /** The device each node of one traced forward pass ran on, by node name. */
  private static Map<String, String> devicesOfAForwardPass(CompiledModel<?> model) {
    RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
    Map<String, String> devices = new HashMap<>();
    try (TFloat32 x = TFloat32.tensorOf(Shape.of(2, 3));
         Result result = model.session().runner().feed("input.x", x).fetch("output.y").setOptions(trace)
             .runAndFetchMetadata()) {
      for (DeviceStepStats device : result.getMetadata().orElseThrow().getStepStats().getDevStatsList()) {
        for (NodeExecStats node : device.getNodeStatsList()) {
          devices.put(node.getNodeName(), device.getDevice());
        }
      }
    }
    return devices;
  }

  private static String loopback() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }
}
