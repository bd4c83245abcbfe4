package dev.deepwire.benchmarks.faults;

import dev.deepwire.runtime.diagnostics.FaultPoints;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One planned {@code SIGKILL} of a training child and how the child is brought to that point.
 *
 * @param phase what the child is doing when killed
 * @param point the {@link FaultPoints} point aimed at
 * @param occurrence which time the child reaches {@code point} (from 1, counted per child)
 * @param fraction for a checkpoint write, the share of its bytes written when the kill lands
 * @param delayMicros for a step, how long after the step's start the kill is sent
 */
record Kill(Phase phase, String point, int occurrence, double fraction, int delayMicros) {

  /** Where a kill lands. */
  enum Phase {
    STEP,
    CHECKPOINT,
    EXPORT
  }

  /** Kills at a random moment of the {@code n}-th training step of a child. */
  static Kill duringStep(int n, int delayMicros) {
    return new Kill(Phase.STEP, FaultPoints.STEP, n, 0, delayMicros);
  }

  /** Kills the {@code n}-th checkpoint write of a child after {@code fraction} of its bytes. */
  static Kill duringCheckpoint(int n, double fraction) {
    return new Kill(Phase.CHECKPOINT, FaultPoints.CHECKPOINT_WRITE, n, fraction, 0);
  }

  /** Kills the first SavedModel export of a child at {@code point} (begin, write or rename). */
  static Kill duringExport(String point) {
    return new Kill(Phase.EXPORT, point, 1, 0, 0);
  }

  /** Whether the child pauses at the point (checkpoint and export) rather than only announcing it (steps). */
  boolean pauses() {
    return phase != Phase.STEP;
  }

  /**
   * {@code count} kills from {@code seed}: the three phases in equal shares, in random order, at random steps
   * (within the first {@code stepsPerEpoch} of a child), byte offsets and export stages.
   */
  static List<Kill> plan(long seed, int count, int stepsPerEpoch) {
    Random random = new Random(seed);
    List<String> exportPoints = List.of(FaultPoints.EXPORT_BEGIN, FaultPoints.EXPORT_WRITE, FaultPoints.EXPORT_RENAME);
    List<Kill> kills = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      kills.add(switch (Phase.values()[i % 3]) {
        case STEP -> duringStep(1 + random.nextInt(stepsPerEpoch), random.nextInt(3_000));
        case CHECKPOINT -> duringCheckpoint(1 + random.nextInt(2), 0.02 + 0.96 * random.nextDouble());
        case EXPORT -> duringExport(exportPoints.get(random.nextInt(exportPoints.size())));
      });
    }
    Collections.shuffle(kills, random);
    return kills;
  }
}
