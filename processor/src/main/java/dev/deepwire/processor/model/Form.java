package dev.deepwire.processor.model;

/** How a model declares its layers. */
public enum Form {
  /** A class whose annotated fields are applied in source order, each to the one before. */
  SEQUENTIAL,
  /** An interface or abstract class whose abstract methods name the layers they consume. */
  GRAPH
}
