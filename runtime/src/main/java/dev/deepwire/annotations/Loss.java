package dev.deepwire.annotations;

/** Training objectives. Each output's loss is averaged over the batch; the model's loss is their sum. */
public enum Loss {
  /** No loss: the model is used for inference or as a sub-model only. */
  NONE,
  /** Mean squared error; targets have the output's shape. */
  MSE,
  /** Mean absolute error; targets have the output's shape. */
  MAE,
  /** Binary cross-entropy on a SIGMOID output; targets in [0, 1] with the output's shape. */
  BINARY_CROSSENTROPY,
  /** Cross-entropy on a SOFTMAX output; targets are one-hot (or probability) vectors. */
  CATEGORICAL_CROSSENTROPY,
  /** Cross-entropy on a SOFTMAX output; targets are class indices {@code 0..units-1}. */
  SPARSE_CATEGORICAL_CROSSENTROPY,
  /**
   * Capsule margin loss on capsule lengths {@code [batch, classes]} ({@link CapsuleLength}): per class
   * {@code T max(0, 0.9 - v)^2 + 0.5 (1 - T) max(0, v - 0.1)^2}, summed over classes; one-hot targets.
   */
  MARGIN,
  /**
   * Contrastive loss on pair distances {@code [batch, 1]} ({@link Distance}): {@code y d^2 + (1 - y) max(0, m - d)^2}
   * with the distance's margin {@code m} ({@link Distance#margin()}, default 1); targets {@code y} are 1 for a
   * matching pair, 0 otherwise.
   */
  CONTRASTIVE,
  /**
   * Triplet loss on {@code [batch, 2]} anchor-positive and anchor-negative distances ({@link Distance} on three
   * inputs): {@code max(0, d(a, p) - d(a, n) + m)} with the distance's margin {@code m} (default 1). Needs no
   * targets.
   */
  TRIPLET
}
