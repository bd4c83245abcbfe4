package dev.deepwire.benchmarks.suite;

/**
 * The clock a busy core runs at, measured: a chain of 64-bit multiply-adds where each step needs the previous
 * result takes 4 cycles a step (multiply 3, add 1, on Zen and on Intel cores since Sandy Bridge), so steps per
 * second × 4 is cycles per second. {@code /proc/cpuinfo}'s {@code cpu MHz} on a virtual machine is the nominal
 * clock (2.6 GHz here) while the core boosts (3.6 GHz here), which would overstate every share of peak by 40 %.
 */
public final class ClockSpeed {

  private static final int CYCLES_PER_STEP = 4;
  private static final int STEPS = 50_000_000;

  private ClockSpeed() {}

  /** The fastest of {@code rounds} timed chains, in GHz (the slower ones lost time to other processes). */
  public static double measuredGigahertz(int rounds) {
    long x = 1;
    double best = 0;
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < STEPS; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      best = Math.max(best, (double) STEPS * CYCLES_PER_STEP / seconds / 1e9);
    }
    if (x == 42) { // keeps the chain from being optimised away; never true for this seed
      System.err.print("");
    }
    return best;
  }
}
