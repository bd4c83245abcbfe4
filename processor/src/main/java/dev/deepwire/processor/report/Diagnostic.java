package dev.deepwire.processor.report;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * One finding about a model, placed on the element (and annotation member) at fault.
 *
 * @param id the stable id, e.g. {@code Dense.units}
 * @param message what was expected, what was found, and the fix
 * @param annotation the annotation at fault, or {@code null}
 * @param attribute the annotation member at fault, or empty
 */
public record Diagnostic(
    Kind kind, String id, String message, Element element, AnnotationMirror annotation, String attribute) {

  /** The text javac prints: {@code [id] message}. */
  public String text() {
    return "[" + id + "] " + message;
  }
}
