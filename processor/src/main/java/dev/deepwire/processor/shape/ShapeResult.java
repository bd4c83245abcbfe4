package dev.deepwire.processor.shape;

/** What a shape rule returns: the inferred shape, or why the layer cannot take its inputs. */
public sealed interface ShapeResult {

  /** The inferred output shape. */
  record Ok(Shape shape) implements ShapeResult {}

  /**
   * A misuse.
   *
   * @param id the stable error id, e.g. {@code Dense.units}
   * @param message what was expected, what was found, and how to fix it
   * @param attribute the annotation member at fault, or empty when the layer as a whole is
   */
  record Error(String id, String message, String attribute) implements ShapeResult {}

  /** An inferred shape. */
  static ShapeResult ok(Shape shape) {
    return new Ok(shape);
  }

  /** A misuse of the layer as a whole. */
  static ShapeResult error(String id, String message) {
    return new Error(id, message, "");
  }

  /** A misuse of one annotation member. */
  static ShapeResult error(String id, String message, String attribute) {
    return new Error(id, message, attribute);
  }
}
