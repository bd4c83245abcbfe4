package dev.deepwire.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.RunDirectoryCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} refuses an output or export folder it cannot use before it trains, naming the folder. */
class TrainPreflightCliTest {

  @Test
  void anOutputFolderUnderARegularFileIsRefusedBeforeTraining(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("runs"), "a file, not a folder");
    Path out = file.resolve("regression");
    CliRun train = CliRun.of("train", "regression", "--no-progress", "--out", out.toString());
    assertEquals(1, train.exitCode());
    assertEquals("error: cannot create run directory " + out + ": " + file + " is a file, not a folder",
        train.err().strip());
  }

  @Test
  void aFullDiskIsRefusedBeforeTrainingAndNothingIsWritten(@TempDir Path out) throws Exception {
    System.setProperty(RunDirectoryCheck.FREE_SPACE_PROPERTY, "1000000");
    CliRun train;
    try {
      train = CliRun.of("train", "regression", "--resume", "--no-progress", "--out", out.toString());
    } finally {
      System.clearProperty(RunDirectoryCheck.FREE_SPACE_PROPERTY);
    }
    assertEquals(1, train.exitCode());
    String message = train.err().strip();
    assertTrue(message.startsWith("error: not enough free space for run directory " + out + ": 1.0 MB free, the run"
        + " writes about "), message);
    try (var files = Files.list(out)) {
      assertEquals(List.of(), files.toList(), "no backup, curve or model written");
    }
  }

  @Test
  void anExportFolderUnderARegularFileIsRefusedBeforeTraining(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("serving"), "a file, not a folder");
    Path base = file.resolve("wine");
    CliRun train = CliRun.of("train", "regression", "--no-progress", "--out", tmp.resolve("out").toString(),
        "--export-every-epoch", base.toString());
    assertEquals(1, train.exitCode());
    assertEquals("error: cannot create run directory " + base + ": " + file + " is a file, not a folder",
        train.err().strip());
  }
}
