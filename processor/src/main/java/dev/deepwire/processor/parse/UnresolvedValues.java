package dev.deepwire.processor.parse;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Finds annotation values javac could not resolve ({@code units = MISSING_CONSTANT}): javac has reported them,
 * and it hands the processor a placeholder of the wrong type, which the model must not be read from.
 */
final class UnresolvedValues {

  private UnresolvedValues() {}

  /** Whether an annotation on {@code type}, its members or their parameters holds an unresolved value. */
  static boolean in(TypeElement type) {
    if (unresolved(type)) {
      return true;
    }
    for (Element member : type.getEnclosedElements()) {
      if (unresolved(member)) {
        return true;
      }
      if (member instanceof ExecutableElement method
          && method.getParameters().stream().anyMatch(UnresolvedValues::unresolved)) {
        return true;
      }
    }
    return false;
  }

  private static boolean unresolved(Element element) {
    return element.getAnnotationMirrors().stream().anyMatch(UnresolvedValues::unresolved);
  }

  private static boolean unresolved(AnnotationMirror mirror) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (!fits(e.getValue().getValue(), e.getKey().getReturnType())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code value} is what an element of type {@code type} holds. */
  private static boolean fits(Object value, TypeMirror type) {
    return switch (type.getKind()) {
      case ARRAY -> value instanceof List<?> list && list.stream().allMatch(
          v -> v instanceof AnnotationValue av && fits(av.getValue(), ((javax.lang.model.type.ArrayType) type)
              .getComponentType()));
      case INT, SHORT, BYTE, LONG -> value instanceof Integer || value instanceof Long || value instanceof Short
          || value instanceof Byte;
      case DOUBLE, FLOAT -> value instanceof Double || value instanceof Float;
      case BOOLEAN -> value instanceof Boolean;
      case CHAR -> value instanceof Character;
      case DECLARED -> declared(value, type);
      default -> true;
    };
  }

  private static boolean declared(Object value, TypeMirror type) {
    TypeElement element = (TypeElement) ((javax.lang.model.type.DeclaredType) type).asElement();
    return switch (element.getKind()) {
      case ENUM -> value instanceof VariableElement;
      case ANNOTATION_TYPE -> value instanceof AnnotationMirror nested && !unresolved(nested);
      default -> element.getQualifiedName().contentEquals("java.lang.String") ? value instanceof String
          : type.getKind() != TypeKind.ERROR; // Class literals
    };
  }
}
