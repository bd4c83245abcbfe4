package dev.deepwire.examples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourceTest {

  @TempDir Path dir;

  @Test
  void parsesTheDataOption() {
    assertEquals(DataSource.Kind.BUNDLED, DataSource.parse("bundled").kind());
    assertEquals(DataSource.Kind.FULL, DataSource.parse("FULL").kind());
    DataSource custom = DataSource.parse("/data/fmnist");
    assertEquals(DataSource.Kind.DIRECTORY, custom.kind());
    assertEquals(Path.of("/data/fmnist"), custom.directoryFor(FashionMnist.DATA));
    assertEquals(Path.of("/usr/share/datasets/fashion-mnist"), DataSource.full().directoryFor(FashionMnist.DATA));
    assertThrows(IllegalArgumentException.class, () -> DataSource.parse(" "));
  }

  @Test
  void missingDirectoryNamesEveryFileAndTheFix() {
    Path missing = dir.resolve("nowhere");
    MissingDataException e = assertThrows(MissingDataException.class,
        () -> FashionMnist.load(DataSource.directory(missing)));
    assertEquals("Fashion-MNIST not found in " + missing + " (expected train-images-idx3-ubyte.gz, "
        + "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz). "
        + "Put those files there, use --data full (after `apt-get install dataset-fashion-mnist`), "
        + "or use --data bundled.", e.getMessage());
  }

  @Test
  void partlyMissingDirectoryListsTheMissingFiles() throws IOException {
    Files.createFile(dir.resolve("wine_other.csv"));
    Files.createFile(dir.resolve("train-images-idx3-ubyte.gz"));
    Files.createFile(dir.resolve("t10k-images-idx3-ubyte.gz"));
    MissingDataException e = assertThrows(MissingDataException.class,
        () -> DataSource.directory(dir).require(FashionMnist.DATA));
    assertTrue(e.getMessage().contains("; missing train-labels-idx1-ubyte.gz, t10k-labels-idx1-ubyte.gz)"),
        e.getMessage());
  }

  @Test
  void missingFullDataSaysHowToInstallIt() {
    DataSet absent = new DataSet("Fashion-MNIST", "/nowhere", dir.resolve("not-installed"),
        "apt-get install dataset-fashion-mnist", FashionMnist.DATA.fileNames());
    MissingDataException e = assertThrows(MissingDataException.class, () -> DataSource.full().require(absent));
    assertEquals("Fashion-MNIST not found in " + dir.resolve("not-installed")
        + " (expected train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, "
        + "t10k-labels-idx1-ubyte.gz). Install it with `apt-get install dataset-fashion-mnist`, "
        + "or use --data bundled.", e.getMessage());
  }

  @Test
  void directoryWithTheStandardNamesLoads() throws IOException {
    for (String name : WineFlavanoids.DATA.fileNames()) {
      try (var in = DataSource.bundled().open(WineFlavanoids.DATA, name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    TrainTest fromDir = WineFlavanoids.load(DataSource.directory(dir));
    assertEquals(142, fromDir.train().size());
  }
}
