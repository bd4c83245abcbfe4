package dev.deepwire.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A model class written by {@link RandomModels}: its members, and what compiling it must give.
 *
 * @param name the class name (and file name)
 * @param graph whether it is an interface (graph form) or a class (sequential form)
 * @param modelAnnotation the {@code @Model(...)} line
 * @param members one line each, in order
 * @param expectation what the compiler must say
 * @param marker text of the line an error must sit on (for {@link Expectation#REJECTED}); empty otherwise
 * @param mutation what was broken, for failure messages
 */
record RandomModel(String name, boolean graph, String modelAnnotation, List<Member> members,
    Expectation expectation, String marker, String mutation) {

  /** What compiling the model must give. */
  enum Expectation {
    /** Built valid: compiles without errors. */
    VALID,
    /** Built valid, then broken once: an error on the line of {@code marker}. */
    REJECTED,
    /** Random settings and wiring: either outcome, but never a crash or an error off the model. */
    ANY
  }

  /**
   * One member line.
   *
   * @param annotations the annotations as written, e.g. {@code @Output @Dense(units = 3)}
   * @param type {@code Tensor}, a sub-model, or something wrong
   * @param params the parameter names (graph form)
   */
  record Member(String annotations, String type, String name, List<String> params) {
    Member {
      params = List.copyOf(params);
    }

    Member withAnnotations(String newAnnotations) {
      return new Member(newAnnotations, type, name, params);
    }

    Member withParams(List<String> newParams) {
      return new Member(annotations, type, name, newParams);
    }

    Member withType(String newType) {
      return new Member(annotations, newType, name, params);
    }

    String line(boolean graph) {
      String head = "  " + annotations + (annotations.isEmpty() ? "" : " ") + type + " " + name;
      return graph
          ? head + "(" + params.stream().map(p -> "Tensor " + p).collect(Collectors.joining(", ")) + ");"
          : head + ";";
    }
  }

  RandomModel {
    members = List.copyOf(members);
  }

  /** The source text: one member a line, so a member's line is unique. */
  String source() {
    List<String> lines = new ArrayList<>();
    lines.add(modelAnnotation);
    lines.add((graph ? "interface " : "class ") + name + " {");
    members.forEach(m -> lines.add(m.line(graph)));
    lines.add("}");
    return String.join("\n", lines) + "\n";
  }

  /** The 1-based line of the source file (after {@link Sources#HEADER}) that contains {@code text}. */
  long lineOf(String text) {
    String[] lines = (Sources.HEADER + source()).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(text)) {
        return i + 1;
      }
    }
    throw new IllegalStateException("no line with " + text + " in\n" + source());
  }

  RandomModel withMembers(List<Member> newMembers, String newMarker, String newMutation) {
    return new RandomModel(name, graph, modelAnnotation, newMembers, Expectation.REJECTED, newMarker, newMutation);
  }

  RandomModel withModelAnnotation(String annotation, String newMutation) {
    return new RandomModel(name, graph, annotation, members, Expectation.REJECTED, "@Model", newMutation);
  }
}
