package dev.deepwire.processor.model;

import javax.lang.model.element.AnnotationMirror;

/**
 * The settings of an {@code @Output}.
 *
 * @param loss the {@code Loss} constant name; {@code NONE} means the model's loss
 * @param target the target input's name, or empty for a data column named like the output
 * @param annotation the {@code @Output} annotation, kept only to report errors on
 */
public record OutputConfig(String loss, String target, double weight, AnnotationMirror annotation) {}
