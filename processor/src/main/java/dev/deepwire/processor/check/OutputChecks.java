package dev.deepwire.processor.check;

import dev.deepwire.processor.model.LayerConfig;
import dev.deepwire.processor.model.ModelSpec;
import dev.deepwire.processor.model.NodeSpec;
import dev.deepwire.processor.model.OutputConfig;
import dev.deepwire.processor.report.Report;
import dev.deepwire.processor.shape.Shape;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks each output's loss against its activation and shape, and its target against the inputs. */
final class OutputChecks {

  private OutputChecks() {}

  static void check(ModelSpec spec, Map<String, Shape> shapes, Report report) {
    for (NodeSpec node : spec.outputs()) {
      Shape shape = shapes.get(node.name());
      if (shape == null) {
        continue;
      }
      OutputConfig output = node.output().orElseThrow();
      String loss = output.loss().equals("NONE") ? spec.loss() : output.loss();
      // Per-position token outputs train against token ids: only the sparse categorical loss fits.
      LossProblem problem = node.layer() instanceof LayerConfig.SequenceDecoderLayer
          || node.layer() instanceof LayerConfig.TransformerDecoderLayer
          || node.layer() instanceof LayerConfig.MaskedLmHeadLayer
          ? sequenceLossProblem(node.name(), node.layer().label(), loss)
          : lossProblem(node.name(), loss, activation(spec, node), shape);
      if (problem != null) {
        report.error(problem.id(), problem.message(), node.element(), output.annotation(), "loss");
      }
      if (!output.target().isEmpty()) {
        target(spec, node, output, shape, shapes, report);
      }
    }
  }

  /** Why a loss does not suit an output. */
  record LossProblem(String id, String message) {}

  /** A sequence decoder's probabilities train against token ids: only the sparse categorical loss fits. */
  static LossProblem sequenceLossProblem(String name, String label, String loss) {
    if (loss.equals("SPARSE_CATEGORICAL_CROSSENTROPY")) {
      return null;
    }
    return new LossProblem("Loss.sequence", "@Output on '" + name + "' uses loss " + loss + ", but a " + label
        + " output needs SPARSE_CATEGORICAL_CROSSENTROPY (targets are token ids [batch, length]). Use that loss.");
  }

  /** Returns why {@code loss} does not suit the output, or null when it does. */
  static LossProblem lossProblem(String name, String loss, String activation, Shape shape) {
    String prefix = "@Output on '" + name + "' uses loss " + loss + ", which needs ";
    switch (loss) {
      case "MSE", "MAE" -> {
        if ("SOFTMAX".equals(activation)) {
          return new LossProblem("Loss.regression", prefix + "an unbounded activation such as LINEAR, but found SOFTMAX. Use"
              + " CATEGORICAL_CROSSENTROPY or SPARSE_CATEGORICAL_CROSSENTROPY, or activation = LINEAR.");
        }
      }
      case "CATEGORICAL_CROSSENTROPY", "SPARSE_CATEGORICAL_CROSSENTROPY" -> {
        if (activation != null && !activation.equals("SOFTMAX")) {
          return new LossProblem("Loss.softmax", prefix + "a SOFTMAX activation, but found " + activation
              + ". Use activation = SOFTMAX.");
        }
        if (shape.rank() != 2 || shape.last() < 2) {
          return new LossProblem("Loss.classes", prefix + "[batch, classes] with at least 2 classes, but '" + name + "' is " + shape
              + ". Use at least 2 units, or BINARY_CROSSENTROPY with one SIGMOID unit.");
        }
      }
      case "BINARY_CROSSENTROPY" -> {
        if (activation != null && !activation.equals("SIGMOID")) {
          return new LossProblem("Loss.sigmoid", prefix + "a SIGMOID activation, but found " + activation
              + ". Use activation = SIGMOID.");
        }
      }
      case "MARGIN", "CONTRASTIVE", "TRIPLET" -> {
        return HingeLossChecks.problem(name, loss, prefix, shape);
      }
      default -> {
        return null;
      }
    }
    return null;
  }

  private static void target(ModelSpec spec, NodeSpec node, OutputConfig output, Shape shape,
      Map<String, Shape> shapes, Report report) {
    Optional<NodeSpec> target = spec.node(output.target()).filter(NodeSpec::isInput);
    if (target.isEmpty()) {
      report.error("Output.target", "@Output on '" + node.name() + "' needs target to name an @Input, but found"
          + " target = \"" + output.target() + "\". Known inputs: "
          + spec.inputs().stream().map(NodeSpec::name).collect(Collectors.joining(", "))
          + "; leave target empty to read a data column named '" + node.name() + "'.", node.element(),
          output.annotation(), "target");
      return;
    }
    Shape targetShape = shapes.get(target.get().name());
    if (targetShape != null && !targetShape.equals(shape)) {
      report.error("Output.targetShape", "@Output on '" + node.name() + "' needs the shape of its target '"
          + output.target() + "', but '" + node.name() + "' is " + shape + " and '" + output.target() + "' is "
          + targetShape + ". Make the output match its target.", node.element(), output.annotation(), "target");
    }
  }

  /** The activation an output ends with, or null when it cannot be told. */
  private static String activation(ModelSpec spec, NodeSpec node) {
    LayerConfig layer = node.layer();
    if (layer instanceof LayerConfig.DenseLayer dense) {
      return dense.activation();
    } else if (layer instanceof LayerConfig.ActivationLayer activation) {
      return activation.function();
    } else if (layer instanceof LayerConfig.IdentityLayer && node.inputs().size() == 1) {
      return spec.node(node.inputs().get(0).name()).map(n -> activation(spec, n)).orElse(null);
    }
    return null;
  }
}
