package dev.deepwire.benchmarks.suite;

/**
 * Floating-point work of the benchmark networks, counted from their layers (an FMA is 2 FLOPs).
 *
 * <p>A layer's forward pass costs {@code 2 × MACs}; training adds the weight gradient ({@code 2 × MACs}) and
 * the input gradient ({@code 2 × MACs}) of every layer but the first, whose input needs none. Element-wise
 * work (ReLU, pooling, bias, softmax, Adam) is under 1 % here and left out.
 */
public final class Flops {

  /** Multiply-accumulates of the CNN's layers: conv 3x3 1→32 on 26x26, conv 3x3 32→64 on 11x11, 1600→128, 128→10. */
  private static final long[] CNN_MACS = {26 * 26 * 32 * 9, 11 * 11 * 64 * 9 * 32, 1600 * 128, 128 * 10};

  /** Multiply-accumulates of the MLP's layers: 784→256, 256→128, 128→10. */
  private static final long[] MLP_MACS = {784 * 256, 256 * 128, 128 * 10};

  private Flops() {}

  /** FLOPs of one training example (forward + backward) of {@code mlp} or {@code cnn}. */
  public static double trainingPerExample(String model) {
    long[] macs = macs(model);
    long total = 0;
    for (long m : macs) {
      total += m;
    }
    return 2.0 * (3 * total - macs[0]);
  }

  /** FLOPs of one inference example. */
  public static double inferencePerExample(String model) {
    long total = 0;
    for (long m : macs(model)) {
      total += m;
    }
    return 2.0 * total;
  }

  private static long[] macs(String model) {
    return switch (model) {
      case "mlp" -> MLP_MACS;
      case "cnn" -> CNN_MACS;
      default -> throw new IllegalArgumentException("unknown model " + model);
    };
  }
}
