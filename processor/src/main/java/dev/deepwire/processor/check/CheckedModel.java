package dev.deepwire.processor.check;

import dev.deepwire.processor.model.ModelSpec;
import dev.deepwire.processor.model.NodeSpec;
import dev.deepwire.processor.report.Report;
import dev.deepwire.processor.shape.Shape;
import java.util.List;
import java.util.Map;

/**
 * A model after checking: what the writers read.
 *
 * @param order the nodes that reach an output, in topological order (ties broken by declaration order)
 * @param shapes the inferred per-example shape of each node whose inputs were valid
 */
public record CheckedModel(ModelSpec spec, Report report, List<NodeSpec> order, Map<String, Shape> shapes) {

  public CheckedModel {
    order = List.copyOf(order);
    shapes = Map.copyOf(shapes);
  }
}
