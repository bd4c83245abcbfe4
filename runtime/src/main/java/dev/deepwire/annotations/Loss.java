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
  SPARSE_CATEGORICAL_CROSSENTROPY
}
