package dev.deepwire.processor;

import dev.deepwire.processor.report.Diagnostic;
import dev.deepwire.processor.report.Report;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/** Prints a report through javac's {@link Messager}, on the annotation value at fault where it was written. */
final class DiagnosticPrinter {

  private final Messager messager;

  DiagnosticPrinter(Messager messager) {
    this.messager = messager;
  }

  void print(Report report) {
    for (Diagnostic d : report.diagnostics()) {
      if (d.annotation() == null) {
        messager.printMessage(d.kind(), d.text(), d.element());
        continue;
      }
      AnnotationValue value = explicitValue(d);
      if (value == null) {
        messager.printMessage(d.kind(), d.text(), d.element(), d.annotation());
      } else {
        messager.printMessage(d.kind(), d.text(), d.element(), d.annotation(), value);
      }
    }
  }

  /** The value of the attribute at fault if the source sets it; defaults have no position. */
  private static AnnotationValue explicitValue(Diagnostic d) {
    if (d.attribute().isEmpty()) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : d.annotation().getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(d.attribute())) {
        return e.getValue();
      }
    }
    return null;
  }
}
