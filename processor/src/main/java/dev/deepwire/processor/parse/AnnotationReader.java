package dev.deepwire.processor.parse;

import com.google.auto.common.AnnotationMirrors;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;

/** Reads typed values (defaults included) out of an annotation mirror. */
final class AnnotationReader {

  private final AnnotationMirror mirror;

  AnnotationReader(AnnotationMirror mirror) {
    this.mirror = mirror;
  }

  private Object raw(String name) {
    AnnotationValue v = AnnotationMirrors.getAnnotationValue(mirror, name);
    return value(v);
  }

  /**
   * The value, or its source text when javac still holds a lazy proxy for it: defaults read from class files
   * (such as the enum constants inside {@code @Model}'s default {@code @Optimizer}) may not be resolved yet.
   */
  private static Object value(AnnotationValue v) {
    try {
      return v.getValue();
    } catch (UnsupportedOperationException proxy) {
      return v.toString();
    }
  }

  /** The simple name of an enum constant, from its element or from the text of a proxy. */
  private static String constantName(Object value) {
    if (value instanceof VariableElement constant) {
      return constant.getSimpleName().toString();
    }
    String text = value.toString().replaceAll("[^A-Za-z0-9_.$]", " ").trim();
    return text.substring(text.lastIndexOf('.') + 1);
  }

  int intValue(String name) {
    return ((Number) raw(name)).intValue();
  }

  double doubleValue(String name) {
    Object value = raw(name);
    return value instanceof Number number ? number.doubleValue() : Double.parseDouble(value.toString());
  }

  boolean boolValue(String name) {
    Object value = raw(name);
    return value instanceof Boolean bool ? bool : Boolean.parseBoolean(value.toString());
  }

  String string(String name) {
    return (String) raw(name);
  }

  /** The name of an enum constant value. */
  String enumName(String name) {
    return constantName(raw(name));
  }

  AnnotationMirror annotation(String name) {
    return (AnnotationMirror) raw(name);
  }

  List<Integer> ints(String name) {
    return list(name).stream().map(v -> ((Number) value(v)).intValue()).toList();
  }

  List<String> enumNames(String name) {
    return list(name).stream().map(v -> constantName(value(v))).toList();
  }

  @SuppressWarnings("unchecked")
  private List<? extends AnnotationValue> list(String name) {
    return (List<? extends AnnotationValue>) raw(name);
  }
}
