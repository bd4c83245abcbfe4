package dev.deepwire.processor.check;

import dev.deepwire.processor.model.ModelSpec;
import dev.deepwire.processor.model.NodeSpec;
import dev.deepwire.processor.report.Report;
import dev.deepwire.processor.shape.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a parsed model (settings, wiring, cycles, shapes, losses) into a report; never throws. */
public final class ModelChecker {

  private final Map<String, CheckedModel> subModels = new HashMap<>();

  /** Checks {@code spec}, and the sub-models it uses once each. */
  public CheckedModel check(ModelSpec spec) {
    Report report = new Report();
    SettingChecks.check(spec, report);
    if (!StructureChecks.check(spec, report)) {
      return new CheckedModel(spec, report, List.of(), Map.of());
    }
    GraphOrder.Sorted sorted = GraphOrder.sort(spec.nodes());
    if (!sorted.cycle().isEmpty()) {
      NodeSpec at = spec.node(sorted.cycle().get(0)).orElseThrow();
      report.error("Graph.cycle", "Layers need to form an acyclic graph, but '" + at.name() + "' feeds itself through "
          + String.join(" -> ", sorted.cycle()) + ". Remove one of these parameters.", at.element());
      return new CheckedModel(spec, report, List.of(), Map.of());
    }
    Map<String, Shape> shapes = new ShapeInference(spec, report, this::subModel).infer(sorted.order());
    OutputChecks.check(spec, shapes, report);
    AutoencoderChecks.check(spec, report);
    Set<String> reachable = Reachability.check(spec, report);
    List<NodeSpec> order = sorted.order().stream().filter(n -> reachable.contains(n.name())).toList();
    return new CheckedModel(spec, report, order, shapes);
  }

  private CheckedModel subModel(ModelSpec spec) {
    String key = spec.packageName() + "." + String.join(".", spec.simpleNames());
    CheckedModel checked = subModels.get(key);
    if (checked == null) {
      checked = check(spec);
      subModels.put(key, checked);
    }
    return checked;
  }
}
