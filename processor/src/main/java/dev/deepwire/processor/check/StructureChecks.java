package dev.deepwire.processor.check;

import dev.deepwire.processor.model.Form;
import dev.deepwire.processor.model.InputRef;
import dev.deepwire.processor.model.LayerConfig;
import dev.deepwire.processor.model.ModelSpec;
import dev.deepwire.processor.model.NodeSpec;
import dev.deepwire.processor.report.Report;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks the wiring: inputs and outputs exist, every reference names a layer, arities fit. */
final class StructureChecks {

  private StructureChecks() {}

  /** Returns whether the wiring is sound enough to sort and infer shapes. */
  static boolean check(ModelSpec spec, Report report) {
    Report found = new Report();
    String model = spec.simpleName();
    if (spec.inputs().isEmpty()) {
      found.error("Model.noInput", "Model '" + model + "' needs at least one @Input, but found none. Add "
          + (spec.form() == Form.SEQUENTIAL ? "@Input(shape = {...}) to its first Tensor field."
              : "an abstract method such as '@Input(shape = 784) Tensor x();'."), spec.element(), spec.annotation(), "");
    }
    if (spec.outputs().isEmpty()) {
      found.error("Model.noOutput", "Model '" + model + "' needs at least one @Output, but found none. Add @Output to"
          + " the layer that computes the prediction.", spec.element(), spec.annotation(), "");
    }
    if (spec.form() == Form.SEQUENTIAL) {
      sequential(spec, found);
    }
    List<String> names = spec.nodes().stream().map(NodeSpec::name).toList();
    for (NodeSpec node : spec.nodes()) {
      arity(spec, node, found);
      for (InputRef in : node.inputs()) {
        if (!names.contains(in.name())) {
          Optional<String> closest = Suggestions.closest(in.name(), names);
          found.error("Name.unknown", "Parameter '" + in.name() + "' of '" + node.name() + "' needs to name a layer of '"
              + model + "', but no layer is called '" + in.name() + "'. "
              + closest.map(c -> "Did you mean '" + c + "'? ").orElse("") + "Known layers: " + String.join(", ", names)
              + ".", in.element());
        }
      }
      if (node.layer() instanceof LayerConfig.SubModelLayer sub) {
        String scope = sub.model().scopeName();
        if (names.contains(scope) && !scope.equals(node.name())) {
          found.error("Name.scope", "Sub-model " + sub.model().simpleName() + " on '" + node.name() + "' needs the"
              + " scope '" + scope + "' for its shared weights, but layer '" + scope + "' has that name too. Rename"
              + " layer '" + scope + "'.", node.element());
        }
      }
    }
    report.addAll(found);
    return !found.hasErrors();
  }

  private static void sequential(ModelSpec spec, Report found) {
    if (spec.nodes().isEmpty() || spec.inputs().isEmpty()) {
      return;
    }
    NodeSpec first = spec.nodes().get(0);
    if (!first.isInput()) {
      found.error("Sequential.first", "Sequential model '" + spec.simpleName() + "' needs @Input on its first layer,"
          + " but '" + first.name() + "' is " + first.layer().label() + ". Move the @Input field first.",
          first.element(), first.annotation(), "");
    }
    for (NodeSpec node : spec.nodes().subList(1, spec.nodes().size())) {
      if (node.isInput()) {
        found.error("Sequential.inputs", "Sequential model '" + spec.simpleName() + "' needs exactly one @Input, its"
            + " first field, but '" + node.name() + "' is another. Declare " + spec.simpleName() + " as an interface"
            + " (graph form) for several inputs.", node.element(), node.annotation(), "");
      }
    }
  }

  private static void arity(ModelSpec spec, NodeSpec node, Report found) {
    int n = node.inputs().size();
    String label = node.layer().label() + " on '" + node.name() + "'";
    LayerConfig layer = node.layer();
    if (layer instanceof LayerConfig.InputLayer) {
      if (n > 0 && spec.form() == Form.GRAPH) {
        found.error("Input.params", label + " needs no parameters, but found " + n + " (" + names(node)
            + "). Remove them; inputs are fed from data.", node.element(), node.annotation(), "");
      }
    } else if (layer instanceof LayerConfig.IdentityLayer) {
      if (n != 1) {
        found.error("Output.alone", "@Output without a layer annotation on '" + node.name() + "' needs exactly one"
            + " parameter (the layer it outputs as is), but found " + n + ". Pass one parameter or add a layer"
            + " annotation.", node.element(), node.annotation(), "");
      }
    } else if (layer instanceof LayerConfig.SequenceDecoderLayer
        || layer instanceof LayerConfig.TransformerDecoderLayer) {
      if (n != 2) {
        found.error(layer.label().substring(1) + ".params", label + " needs two inputs (the encoding and the decoder's input"
            + " tokens), but found " + n + (n == 0 ? "" : " (" + names(node) + ")") + ". Declare it as 'Tensor "
            + node.name() + "(Tensor encoded, Tensor previousTokens)' in a graph-form model.", node.element(),
            node.annotation(), "");
      }
    } else if (layer instanceof LayerConfig.MultiHeadAttentionLayer) {
      if (n < 1 || n > 2) {
        found.error("MultiHeadAttention.params", label + " needs one input (self-attention) or two (query, memory),"
            + " but found " + n + (n == 0 ? "" : " (" + names(node) + ")") + ". Declare it as 'Tensor " + node.name()
            + "(Tensor x)' or 'Tensor " + node.name() + "(Tensor query, Tensor memory)'.", node.element(),
            node.annotation(), "");
      }
    } else if (layer instanceof LayerConfig.SampleLayer) {
      if (n != 2) {
        found.error("Sample.arity", label + " needs two inputs (the mean, then the log-variance), but found " + n
            + (n == 0 ? "" : " (" + names(node) + ")") + ". Declare it as 'Tensor " + node.name()
            + "(Tensor mu, Tensor logVar)' in a graph-form model.", node.element(), node.annotation(), "");
      }
    } else if (layer instanceof LayerConfig.ConcatenateLayer || layer instanceof LayerConfig.AddLayer
        || layer instanceof LayerConfig.SubModelLayer || layer instanceof LayerConfig.CapsuleMaskLayer
        || layer instanceof LayerConfig.DistanceLayer || layer instanceof LayerConfig.MaskedLmHeadLayer) {
      return; // several inputs: their shape rules check the count
    } else if (n == 0 && spec.form() == Form.GRAPH) {
      found.error("Layer.noInput", label + " needs one input, but found no parameters. Add a parameter naming the"
          + " layer it consumes, e.g. 'Tensor " + node.name() + "(Tensor x)'.", node.element(), node.annotation(), "");
    } else if (n > 1 && layer instanceof LayerConfig.RecurrentLayer) {
      return; // the sequence, then initial states: RecurrentRules checks their count and shapes
    } else if (n > 1) {
      found.error("Layer.arity", label + " takes exactly one input, but found " + n + " (" + names(node) + ")."
          + " Merge them first with @Concatenate or @Add.", node.element(), node.annotation(), "");
    }
  }

  private static String names(NodeSpec node) {
    return node.inputs().stream().map(InputRef::name).collect(Collectors.joining(", "));
  }
}
