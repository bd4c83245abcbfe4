package dev.deepwire.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.examples.cluster.LocalCluster;
import dev.deepwire.examples.cluster.TaskProcess;
import dev.deepwire.runtime.distributed.TaskId;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code dnn} example on a loopback cluster of separate JVMs (1 parameter server, 2 workers), one worker
 * killed with SIGKILL after its first epoch and restarted: the job still makes every planned update and ends
 * within one accuracy point of one process trained with the same epochs and global batch.
 */
class ClusterTrainingTest {

  private static final int EPOCHS = 3;
  private static final int BATCH = 64;
  /** Each worker's shard of the bundled 10,000 images, in steps of 32: one update per step of both. */
  private static final int STEPS_PER_EPOCH = (5_000 + 31) / 32;
  private static final Duration JOB = Duration.ofMinutes(4);

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void twoWorkersOneKilledAndRestartedMatchOneProcess(@TempDir Path single, @TempDir Path distributed)
      throws Exception {
    List<String> train = List.of("dnn", "--data", "bundled", "--epochs", Integer.toString(EPOCHS),
        "--batch", Integer.toString(BATCH), "--json", "--out", distributed.toString());
    CountDownLatch firstEpochOfWorker1 = new CountDownLatch(1);
    PrintStream log = new PrintStream(OutputStream.nullOutputStream()) {
      @Override
      public void println(String line) {
        System.err.println(line);
        if (line.startsWith("[worker:1] worker:1 epoch 1/")) {
          firstEpochOfWorker1.countDown();
        }
      }
    };
    try (LocalCluster cluster = LocalCluster.onLoopback(1, 2, log)) {
      TaskProcess ps = cluster.start(TaskId.ps(0), train, distributed);
      TaskProcess chief = cluster.start(TaskId.worker(0), train, distributed);
      TaskProcess worker = cluster.start(TaskId.worker(1), train, distributed);

      // The one-process baseline trains here meanwhile: same data, epochs, batch and schedule.
      CliRun baseline = CliRun.of("train", "dnn", "--data", "bundled", "--epochs", Integer.toString(EPOCHS),
          "--batch", Integer.toString(BATCH), "--json", "--no-progress", "--out", single.toString());
      assertEquals(0, baseline.exitCode(), baseline.err());
      double expected = baseline.json().get("test_accuracy").asDouble();

      assertTrue(firstEpochOfWorker1.await(JOB.toSeconds(), TimeUnit.SECONDS), "worker:1 never finished an epoch");
      worker.kill();
      assertEquals(137, worker.waitFor(Duration.ofSeconds(30)), "killed with SIGKILL");
      TaskProcess restarted = cluster.start(TaskId.worker(1), train, distributed);

      assertEquals(0, chief.waitFor(JOB), "chief exit code");
      assertEquals(0, restarted.waitFor(JOB), "restarted worker exit code");
      assertEquals(0, ps.waitFor(Duration.ofSeconds(60)), "the parameter server exits once released");

      JsonNode report = new ObjectMapper().readTree(chief.lastLine());
      assertEquals(EPOCHS * STEPS_PER_EPOCH, report.get("global_steps").asInt(), "every planned update was made");
      double actual = report.get("test_accuracy").asDouble();
      System.err.printf("test accuracy: one process %.4f, 1 ps + 2 workers (one restarted) %.4f%n", expected, actual);
      assertEquals(expected, actual, 0.01, "within one accuracy point of one process");
      JsonNode rejoined = new ObjectMapper().readTree(restarted.lastLine());
      assertTrue(rejoined.get("worker_steps").asInt() < EPOCHS * STEPS_PER_EPOCH, "the restarted worker joined mid-run");
    }
  }
}
