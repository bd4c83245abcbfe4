package dev.deepwire.annotations;

/** How {@link Distance} compares two vectors. */
public enum DistanceKind {
  /** Sum of absolute differences. */
  L1,
  /** Euclidean distance. */
  L2,
  /** One minus the cosine of the angle between them, in {@code [0, 2]}. */
  COSINE
}
