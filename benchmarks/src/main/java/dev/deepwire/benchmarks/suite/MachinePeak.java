package dev.deepwire.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine's peak FP32 FLOP/s from {@code /proc/cpuinfo}: cores × FMA units per core × SIMD lanes × 2
 * (an FMA is a multiply and an add) × clock. Lanes are 16 with AVX-512, 8 with AVX2, else 4; two FMA units
 * per core (Skylake-SP Gold/Platinum, Ice Lake-SP), but one 512-bit FMA a cycle on AMD, whose Zen 4 runs
 * AVX-512 on two 256-bit units (override with {@code -Dpeak.fmaUnits=}); the clock is measured
 * ({@link ClockSpeed}: {@code cpu MHz} on a virtual machine is the nominal clock, below the boost clock a busy
 * core runs at; override with {@code -Dpeak.ghz=}).
 */
public record MachinePeak(int cores, int fmaUnits, int lanes, double gigahertz) {

  /** Peak FP32 FLOP/s. */
  public double flopsPerSecond() {
    return cores * (double) fmaUnits * lanes * 2 * gigahertz * 1e9;
  }

  /** This machine's, read from {@code /proc/cpuinfo}. */
  public static MachinePeak ofThisMachine() {
    int cores = Runtime.getRuntime().availableProcessors();
    String flags = "";
    String vendor = "";
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      for (String line : lines) {
        if (line.startsWith("flags") && flags.isEmpty()) {
          flags = " " + line.substring(line.indexOf(':') + 1) + " ";
        } else if (line.startsWith("vendor_id") && vendor.isEmpty()) {
          vendor = line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall back to the defaults above
    }
    int lanes = flags.contains(" avx512f ") ? 16 : flags.contains(" avx2 ") ? 8 : 4;
    boolean doublePumped = lanes == 16 && vendor.equals("AuthenticAMD");
    int fmaUnits = Integer.getInteger("peak.fmaUnits", doublePumped ? 1 : 2);
    String ghz = System.getProperty("peak.ghz");
    double clock = ghz != null ? Double.parseDouble(ghz) : ClockSpeed.measuredGigahertz(9);
    return new MachinePeak(cores, fmaUnits, lanes, clock);
  }
}
