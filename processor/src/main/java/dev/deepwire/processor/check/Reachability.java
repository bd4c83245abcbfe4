package dev.deepwire.processor.check;

import dev.deepwire.processor.model.InputRef;
import dev.deepwire.processor.model.ModelSpec;
import dev.deepwire.processor.model.NodeSpec;
import dev.deepwire.processor.report.Report;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/** Finds the nodes that reach an output: an unused input is an error, an unused layer a warning. */
final class Reachability {

  private Reachability() {}

  /** Returns the names of the nodes some output depends on. */
  static Set<String> check(ModelSpec spec, Report report) {
    Set<String> reached = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    spec.outputs().forEach(o -> todo.push(o.name()));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (reached.add(name)) {
        spec.node(name).ifPresent(n -> n.inputs().stream().map(InputRef::name).forEach(todo::push));
      }
    }
    if (spec.outputs().isEmpty()) {
      return reached;
    }
    for (NodeSpec node : spec.nodes()) {
      if (reached.contains(node.name())) {
        continue;
      }
      if (node.isInput()) {
        report.error("Input.unused", "@Input '" + node.name() + "' needs to reach an @Output, but no output depends"
            + " on it. Pass it to a layer as a parameter, or remove it.", node.element(), node.annotation(), "");
      } else {
        report.warning("Layer.unused", "Layer '" + node.name() + "' reaches no @Output, so it is left out of the"
            + " graph. Use it, mark it @Output, or remove it.", node.element());
      }
    }
    return reached;
  }
}
