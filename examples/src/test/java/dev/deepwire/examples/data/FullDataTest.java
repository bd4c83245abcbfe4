package dev.deepwire.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Loads the installed full data sets. CI installs their packages (`.ci/run`), so there a missing package
 * fails the test; elsewhere the test is reported as skipped.
 */
class FullDataTest {

  private static final boolean CI = System.getenv("CI") != null;

  @Test
  void fullFashionMnistLoads() throws IOException {
    assumeTrue(CI || Files.isDirectory(FashionMnist.DATA.fullDir()), "dataset-fashion-mnist is not installed");
    TrainTest full = FashionMnist.load(DataSource.full());
    assertEquals(60_000, full.train().size());
    assertEquals(10_000, full.test().size());
    TrainTest bundled = FashionMnist.load(DataSource.bundled());
    assertArrayEquals(bundled.train().slice(0, 100).floats("image").values(),
        full.train().slice(0, 100).floats("image").values());
    assertArrayEquals(bundled.test().ints("label").values(), full.test().slice(0, 2_000).ints("label").values());
  }

  @Test
  void scikitLearnsWineFileGivesTheSameSplitAsTheBundledOne() throws IOException {
    assumeTrue(CI || Files.isRegularFile(WineFlavanoids.DATA.fullDir().resolve("wine_data.csv")),
        "python3-sklearn is not installed");
    TrainTest full = WineFlavanoids.load(DataSource.full());
    TrainTest bundled = WineFlavanoids.load(DataSource.bundled());
    assertArrayEquals(bundled.train().floats("features").values(), full.train().floats("features").values());
    assertArrayEquals(bundled.test().floats("target").values(), full.test().floats("target").values());
  }
}
