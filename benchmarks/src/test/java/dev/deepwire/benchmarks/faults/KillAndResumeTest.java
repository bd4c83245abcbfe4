package dev.deepwire.benchmarks.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.diagnostics.FaultPoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train dnn --resume} killed with SIGKILL once in each phase ({@link KillAndResumeHarness} does 20 kills):
 * nothing corrupt after any kill, the resumed run completes with the uninterrupted run's weights and exports.
 */
class KillAndResumeTest {

  @Test
  void killsInAnExportAStepAndACheckpointWriteLeaveNothingCorruptAndResumeBitExactly(@TempDir Path work)
      throws Exception {
    // In this order each kill lands: the export of epoch 1; a step of epoch 1 redone; the backup after epoch 2
    // (the second checkpoint write of that child, 40 % written), so the last resume starts from epoch 1's backup.
    List<Kill> kills = List.of(Kill.duringExport(FaultPoints.EXPORT_WRITE), Kill.duringStep(30, 500),
        Kill.duringCheckpoint(2, 0.4));
    Map<String, Object> report = KillAndResume.run(
        new KillAndResume.Settings("dnn", "bundled", 2, 128, 42, work, Duration.ofMinutes(3), true), kills);
    String figures = report.toString();
    assertEquals(List.of(), report.get("problems"), figures);
    assertEquals(3, report.get("kills_landed"), figures);
    assertEquals(Map.of("checkpoint-write", 1, "export-write", 1, "step", 1), report.get("kills_by_point"), figures);
    assertTrue((int) report.get("torn_temp_files_seen") >= 1, figures);
    assertTrue((int) report.get("export_temp_folders_seen") >= 1, figures);
    assertTrue((int) report.get("checkpoints_verified") >= 1, figures);
    assertEquals(true, report.get("completed"), figures);
    assertEquals(true, report.get("weights_bitwise_equal"), figures);
    assertEquals("2/2", report.get("exports_bitwise_equal"), figures);
    assertEquals(report.get("uninterrupted_test_accuracy"), report.get("resumed_test_accuracy"), figures);
    assertTrue((double) report.get("resumed_test_accuracy") > 0.7, figures);
  }
}
