package dev.deepwire.processor.check;

import dev.deepwire.processor.model.LayerConfig;
import dev.deepwire.processor.model.ModelSpec;
import dev.deepwire.processor.model.NodeSpec;
import dev.deepwire.processor.model.OutputConfig;
import dev.deepwire.processor.report.Report;

/** Checks settings that do not depend on shapes: learning rate, penalties, loss weights. */
final class SettingChecks {

  private SettingChecks() {}

  static void check(ModelSpec spec, Report report) {
    if (!(spec.learningRate() > 0) || Double.isInfinite(spec.learningRate())) {
      report.error("Model.learningRate", "@Model on '" + spec.simpleName() + "' needs a learningRate > 0, but found"
          + " learningRate = " + spec.learningRate() + ". Use a positive rate such as 1e-3.", spec.element(),
          spec.annotation(), "optimizer");
    }
    for (NodeSpec node : spec.nodes()) {
      if (node.layer() instanceof LayerConfig.DenseLayer dense) {
        penalty(node, "kernelL1", dense.kernelL1(), report);
        penalty(node, "kernelL2", dense.kernelL2(), report);
      }
      if (node.output().isPresent()) {
        OutputConfig output = node.output().get();
        if (!(output.weight() >= 0) || Double.isInfinite(output.weight())) {
          report.error("Output.weight", "@Output on '" + node.name() + "' needs a weight >= 0, but found weight = "
              + output.weight() + ". Use a non-negative factor such as 1.0.", node.element(), output.annotation(),
              "weight");
        }
      }
    }
  }

  private static void penalty(NodeSpec node, String attribute, double value, Report report) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      report.error("Dense.penalty", "@Dense on '" + node.name() + "' needs " + attribute + " >= 0, but found "
          + attribute + " = " + value + ". Use 0 for no penalty or a small positive factor.", node.element(),
          node.annotation(), attribute);
    }
  }
}
