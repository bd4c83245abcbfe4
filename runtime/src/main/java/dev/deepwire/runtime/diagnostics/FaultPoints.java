package dev.deepwire.runtime.diagnostics;

import dev.deepwire.runtime.TrainingCallback;
import dev.deepwire.runtime.TrainingContext;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only hooks that let a fault-injection harness (e.g. the kill-and-resume harness) stop a process at a
 * named point so that a {@code SIGKILL} lands exactly there. Off unless a system property turns them on; then
 * each point costs one map lookup.
 *
 * <ul>
 *   <li>{@code -Ddeepwire.faults.announce=true}: every point reached prints a line
 *       {@code deepwire-fault-point <point> <n> <file>} on standard error ({@code n} counts from 1 per point).
 *   <li>{@code -Ddeepwire.faults.pause=<point>#<n>}: the {@code n}-th time {@code point} is reached, the
 *       process prints {@code deepwire-fault-point <point> <n> <file> paused} and sleeps until it is killed.
 *   <li>{@code -Ddeepwire.faults.fraction=0.37}: where a pausing checkpoint write stops, as a share of its bytes
 *       (default 0.5), so the kill leaves a half-written temp file behind.
 * </ul>
 */
public final class FaultPoints {

  /** A training step is about to run (announced by the step callback of the examples). */
  public static final String STEP = "step";

  /** A checkpoint's temp file holds part of its bytes, not yet forced to disk nor renamed. */
  public static final String CHECKPOINT_WRITE = "checkpoint-write";

  /** A SavedModel export's temp folder exists, still empty. */
  public static final String EXPORT_BEGIN = "export-begin";

  /** A SavedModel export's files are written into its temp folder, not yet forced to disk. */
  public static final String EXPORT_WRITE = "export-write";

  /** A SavedModel export is on disk in its temp folder, about to be renamed into place. */
  public static final String EXPORT_RENAME = "export-rename";

  /** The start of every line this class prints. */
  public static final String MARKER = "deepwire-fault-point";

  private static final boolean ANNOUNCE = Boolean.getBoolean("deepwire.faults.announce");
  private static final String PAUSE = System.getProperty("deepwire.faults.pause", "");
  private static final double FRACTION = Double.parseDouble(System.getProperty("deepwire.faults.fraction", "0.5"));
  private static final boolean ENABLED = ANNOUNCE || !PAUSE.isEmpty();
  private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

  /** Marks {@link #STEP} before every training step. */
  public static final TrainingCallback STEP_CALLBACK = new TrainingCallback() {
    @Override
    public void onBatchBegin(TrainingContext context, long step) {
      reached(STEP, "global-step-" + step);
    }
  };

  private FaultPoints() {}

  /** Whether any hook is on. */
  public static boolean enabled() {
    return ENABLED;
  }

  /**
   * How many of {@code length} bytes a writer writes before reaching {@link #CHECKPOINT_WRITE}: all of them
   * unless a harness asked for a pause, then the configured fraction.
   */
  public static int cut(int length) {
    return ENABLED ? (int) Math.max(0, Math.min(length, Math.round(length * FRACTION))) : length;
  }

  /** Marks {@code point} as reached while working on {@code file} (a path or a step; may be null); may announce or pause. */
  public static void reached(String point, Object file) {
    if (!ENABLED) {
      return;
    }
    int n = COUNTS.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet();
    boolean pause = PAUSE.equals(point + "#" + n);
    if (ANNOUNCE || pause) {
      PrintStream err = System.err;
      err.println(String.format(Locale.ROOT, "%s %s %d %s%s", MARKER, point, n, file, pause ? " paused" : ""));
      err.flush();
    }
    while (pause) {
      try {
        Thread.sleep(60_000); // until the harness kills this process
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
