package dev.deepwire.processor.check;

import dev.deepwire.processor.shape.Shape;

/** The output shapes the margin, contrastive and triplet losses need. */
final class HingeLossChecks {

  private HingeLossChecks() {}

  /** Why {@code loss} does not suit an output of {@code shape}, or null when it does. */
  static OutputChecks.LossProblem problem(String name, String loss, String prefix, Shape shape) {
    return switch (loss) {
      case "MARGIN" -> shape.rank() == 2 && shape.last() >= 2 ? null : new OutputChecks.LossProblem("Loss.margin",
          prefix + "capsule lengths [batch, classes] with at least 2 classes, but '" + name + "' is " + shape
              + ". Put @CapsuleLength on the class capsules.");
      case "CONTRASTIVE" -> shape.equals(Shape.of(1)) ? null : new OutputChecks.LossProblem("Loss.contrastive",
          prefix + "pair distances [batch, 1], but '" + name + "' is " + shape
              + ". Use @Distance on two codes.");
      default -> shape.equals(Shape.of(2)) ? null : new OutputChecks.LossProblem("Loss.triplet",
          prefix + "[batch, 2] anchor-positive and anchor-negative distances, but '" + name + "' is " + shape
              + ". Use @Distance on three codes (anchor, positive, negative).");
    };
  }
}
