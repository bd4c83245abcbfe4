package dev.deepwire.processor.report;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/** The findings of parsing or checking one model, collected instead of thrown. */
public final class Report {

  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /** Adds an error about an element as a whole. */
  public Report error(String id, String message, Element element) {
    return add(Kind.ERROR, id, message, element, null, "");
  }

  /** Adds an error about an annotation member (or the annotation when {@code attribute} is empty). */
  public Report error(String id, String message, Element element, AnnotationMirror annotation, String attribute) {
    return add(Kind.ERROR, id, message, element, annotation, attribute);
  }

  /** Adds a warning about an element. */
  public Report warning(String id, String message, Element element) {
    return add(Kind.WARNING, id, message, element, null, "");
  }

  /** Adds a finding. */
  public Report add(Kind kind, String id, String message, Element element, AnnotationMirror annotation,
      String attribute) {
    diagnostics.add(new Diagnostic(kind, id, message, element, annotation, attribute));
    return this;
  }

  /** Adds all findings of another report. */
  public Report addAll(Report other) {
    diagnostics.addAll(other.diagnostics);
    return this;
  }

  /** Whether any finding is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.kind() == Kind.ERROR);
  }

  /** The findings in the order they were made. */
  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
