package dev.deepwire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.RunDirectoryCheck.RunDirectoryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run directory that cannot be created, written or filled fails before the first training step. */
class RunDirectoryCheckTest {

  /** Counts the training steps begun. */
  private static final class StepCounter implements TrainingCallback {
    final AtomicInteger steps = new AtomicInteger();

    @Override
    public void onBatchBegin(TrainingContext context, long step) {
      steps.incrementAndGet();
    }
  }

  private static RunDirectoryException fitInto(Path backups, StepCounter counter) {
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), ResumeTest.OPTIONS)) {
      return assertThrows(RunDirectoryException.class, () -> model.trainer().fit(ResumeTest.data(),
          ResumeTest.fit(backups, 2).callback(counter).build()));
    }
  }

  @Test
  void aRunDirectoryUnderARegularFileFailsBeforeAnyStep(@TempDir Path tmp) throws Exception {
    // Root may write anywhere, so permissions cannot make a folder unwritable here; a file as parent can.
    Path file = Files.writeString(tmp.resolve("notes.txt"), "a file, not a folder");
    Path run = file.resolve("run");
    StepCounter counter = new StepCounter();
    RunDirectoryException e = fitInto(run, counter);
    assertEquals("cannot create run directory " + run + ": " + file + " is a file, not a folder", e.getMessage());
    assertEquals(0, counter.steps.get());
  }

  @Test
  void aFullDiskFailsBeforeAnyStepNamingTheFolderAndTheSpace(@TempDir Path tmp) {
    Path run = tmp.resolve("run");
    StepCounter counter = new StepCounter();
    long needed;
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), ResumeTest.OPTIONS)) {
      needed = 2 * RunDirectoryCheck.checkpointBytes(model);
    }
    System.setProperty(RunDirectoryCheck.FREE_SPACE_PROPERTY, "300");
    RunDirectoryException e;
    try {
      e = fitInto(run, counter);
    } finally {
      System.clearProperty(RunDirectoryCheck.FREE_SPACE_PROPERTY);
    }
    assertEquals(String.format(Locale.ROOT, "not enough free space for run directory %s: 0.0 MB free, the run writes"
        + " about %.1f MB (checkpoints and exports)", run, needed / 1e6), e.getMessage());
    assertEquals(0, counter.steps.get());
    assertFalse(Files.exists(run.resolve(Trainer.LAST_CHECKPOINT)));
  }

  @Test
  void theFreeSpaceSeamDecidesAndTheProbeFileIsGone(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("a").resolve("b");
    new RunDirectoryCheck(folder -> 6_000_000).verify(run, 6_000_000);
    try (var files = Files.list(run)) {
      assertEquals(0, files.count(), "the probe file is deleted");
    }
    RunDirectoryException e = assertThrows(RunDirectoryException.class,
        () -> new RunDirectoryCheck(folder -> 5_000_000).verify(run, 6_000_000));
    assertEquals("not enough free space for run directory " + run + ": 5.0 MB free, the run writes about 6.0 MB"
        + " (checkpoints and exports)", e.getMessage());
  }

  @Test
  void aRunDirectoryInProcIsRefusedWithItsName() {
    Path run = Path.of("/proc/deepwire-run");
    RunDirectoryException e = assertThrows(RunDirectoryException.class,
        () -> new RunDirectoryCheck(folder -> Long.MAX_VALUE).verify(run, 1));
    assertTrue(e.getMessage().startsWith("cannot create run directory /proc/deepwire-run: "), e.getMessage());
  }
}
