package dev.deepwire.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlopsTest {

  @Test
  void theCnnCostsFifteenPointFourMegaflopsPerTrainingExample() {
    long conv1 = 26 * 26 * 32 * 9;           // [26, 26, 32] outputs, 3x3x1 taps each
    long conv2 = 11 * 11 * 64 * 9 * 32;      // [11, 11, 64] outputs, 3x3x32 taps each
    long dense = 1600 * 128 + 128 * 10;
    long forwardMacs = conv1 + conv2 + dense;
    assertEquals(2.0 * forwardMacs, Flops.inferencePerExample("cnn"));
    // forward + weight gradients + input gradients of every layer but the first
    assertEquals(2.0 * (3 * forwardMacs - conv1), Flops.trainingPerExample("cnn"));
    assertEquals(15.4e6, Flops.trainingPerExample("cnn"), 0.05e6);
  }

  @Test
  void theMlpCostsAboutOneMegaflopPerTrainingExample() {
    long macs = 784 * 256 + 256 * 128 + 128 * 10;
    assertEquals(2.0 * (3 * macs - 784 * 256), Flops.trainingPerExample("mlp"));
  }

  @Test
  void peakIsCoresTimesFmaUnitsTimesLanesTimesTwoTimesClock() {
    assertEquals(229.4e9, new MachinePeak(2, 2, 8, 3.584).flopsPerSecond(), 0.1e9); // Zen 4, AVX2 width
    assertEquals(256e9, new MachinePeak(2, 2, 16, 2.0).flopsPerSecond(), 1);
  }

  @Test
  void theMeasuredClockIsAPlausibleCoreClock() {
    // A chain the JIT folded or vectorised would read as tens of GHz; a broken timer as ~0.
    double ghz = ClockSpeed.measuredGigahertz(3);
    assertTrue(ghz > 0.5 && ghz < 8, ghz + " GHz");
  }
}
