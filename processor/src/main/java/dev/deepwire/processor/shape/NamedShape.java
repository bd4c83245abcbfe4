package dev.deepwire.processor.shape;

/** The shape of a named layer, as a shape rule receives its inputs. */
public record NamedShape(String name, Shape shape) {}
