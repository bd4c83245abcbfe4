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
    optimizerSettings(spec, report);
    for (NodeSpec node : spec.nodes()) {
      if (node.layer() instanceof LayerConfig.DenseLayer dense) {
        penalty(node, "kernelL1", dense.kernelL1(), report);
        penalty(node, "kernelL2", dense.kernelL2(), report);
      }
      finiteSettings(node, report);
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

  /** Slopes and mask values are written into generated code as literals: NaN and infinities have none. */
  private static void finiteSettings(NodeSpec node, Report report) {
    LayerConfig layer = node.layer();
    if (layer instanceof LayerConfig.DenseLayer dense) {
      finite(node, "alpha", dense.alpha(), "a slope such as 0.2", report);
    } else if (layer instanceof LayerConfig.ConvLayer conv) {
      finite(node, "alpha", conv.alpha(), "a slope such as 0.2", report);
    } else if (layer instanceof LayerConfig.ConvTransposeLayer t) {
      finite(node, "alpha", t.alpha(), "a slope such as 0.2", report);
    } else if (layer instanceof LayerConfig.ActivationLayer activation) {
      finite(node, "alpha", activation.alpha(), "a slope such as 0.2", report);
    } else if (layer instanceof LayerConfig.MaskingLayer masking) {
      finite(node, "value", masking.value(), "the padding value of the data, such as 0", report);
    }
  }

  private static void finite(NodeSpec node, String attribute, double value, String fix, Report report) {
    if (!Double.isFinite(value)) {
      String label = node.layer().label();
      report.error(label.substring(1) + "." + attribute, label + " on '" + node.name() + "' needs a finite "
          + attribute + ", but found " + attribute + " = " + value + ". Use " + fix + ".", node.element(),
          node.annotation(), attribute);
    }
  }

  /** Each set {@code @Optimizer} hyper-parameter must be in its range. */
  private static void optimizerSettings(ModelSpec spec, Report report) {
    spec.optimizerSettings().forEach((name, value) -> {
      if (!(value instanceof Double number)) {
        return;
      }
      String expected = switch (name) {
        case "momentum", "beta1", "beta2", "rho" -> number >= 0 && number < 1 ? null : "a value in [0, 1)";
        case "epsilon" -> number > 0 && Double.isFinite(number) ? null : "a finite value > 0";
        default -> number >= 0 && Double.isFinite(number) ? null : "a finite value >= 0"; // weightDecay, clips
      };
      if (expected != null) {
        report.error("Optimizer." + name, "@Optimizer on '" + spec.simpleName() + "' needs " + name + " to be "
            + expected + ", but found " + name + " = " + number + ". Use " + expected + ".", spec.element(),
            spec.annotation(), "optimizer");
      }
    });
  }
}
