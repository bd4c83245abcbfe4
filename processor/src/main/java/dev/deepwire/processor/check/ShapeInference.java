package dev.deepwire.processor.check;

import dev.deepwire.processor.model.InputRef;
import dev.deepwire.processor.model.LayerConfig;
import dev.deepwire.processor.model.ModelSpec;
import dev.deepwire.processor.model.NodeSpec;
import dev.deepwire.processor.model.TiedEmbedding;
import dev.deepwire.processor.report.Report;
import dev.deepwire.processor.shape.GenerativeRules;
import dev.deepwire.processor.shape.MaskedLmRules;
import dev.deepwire.processor.shape.CapsuleRules;
import dev.deepwire.processor.shape.NamedShape;
import dev.deepwire.processor.shape.RecurrentRules;
import dev.deepwire.processor.shape.SequenceRules;
import dev.deepwire.processor.shape.TransformerRules;
import dev.deepwire.processor.shape.Shape;
import dev.deepwire.processor.shape.ShapeResult;
import dev.deepwire.processor.shape.ShapeRules;
import dev.deepwire.processor.shape.SpatialRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Infers each node's shape in topological order with {@link ShapeRules}, reporting the first misfit of each. */
final class ShapeInference {

  private final ModelSpec spec;
  private final Report report;
  private final Function<ModelSpec, CheckedModel> subModels;
  private final Map<String, Shape> shapes = new HashMap<>();

  ShapeInference(ModelSpec spec, Report report, Function<ModelSpec, CheckedModel> subModels) {
    this.spec = spec;
    this.report = report;
    this.subModels = subModels;
  }

  /** Returns the shapes of the nodes whose inputs had shapes and that fit them. */
  Map<String, Shape> infer(List<NodeSpec> order) {
    for (NodeSpec node : order) {
      if (!node.inputs().stream().allMatch(in -> shapes.containsKey(in.name()))) {
        continue;
      }
      List<NamedShape> ins = new ArrayList<>();
      for (InputRef in : node.inputs()) {
        ins.add(new NamedShape(in.name(), shapes.get(in.name())));
      }
      ShapeResult result = rule(node, ins);
      if (result instanceof ShapeResult.Ok ok) {
        shapes.put(node.name(), ok.shape());
      } else if (result instanceof ShapeResult.Error error) {
        report.error(error.id(), error.message(), node.element(), node.annotation(), error.attribute());
      }
    }
    return shapes;
  }

  private ShapeResult rule(NodeSpec node, List<NamedShape> ins) {
    String name = node.name();
    LayerConfig layer = node.layer();
    if (layer instanceof LayerConfig.InputLayer input) {
      return ShapeRules.input(name, input.shape());
    } else if (layer instanceof LayerConfig.DenseLayer dense) {
      return ShapeRules.dense(name, dense.units(), ins.get(0));
    } else if (layer instanceof LayerConfig.DropoutLayer dropout) {
      return ShapeRules.dropout(name, dropout.rate(), ins.get(0));
    } else if (layer instanceof LayerConfig.FlattenLayer) {
      return ShapeRules.flatten(name, ins.get(0));
    } else if (layer instanceof LayerConfig.ReshapeLayer reshape) {
      return ShapeRules.reshape(name, reshape.shape(), ins.get(0));
    } else if (layer instanceof LayerConfig.ActivationLayer) {
      return ShapeRules.activation(name, ins.get(0));
    } else if (layer instanceof LayerConfig.ConcatenateLayer) {
      return ShapeRules.concatenate(name, ins);
    } else if (layer instanceof LayerConfig.AddLayer) {
      return ShapeRules.add(name, ins);
    } else if (layer instanceof LayerConfig.ConvLayer conv) {
      return SpatialRules.conv(name, conv.filters(), conv.kernel(), conv.strides(), conv.dilation(), conv.padding(),
          ins.get(0));
    } else if (layer instanceof LayerConfig.ConvTransposeLayer t) {
      return SpatialRules.convTranspose(name, t.filters(), t.kernel(), t.strides(), t.padding(), ins.get(0));
    } else if (layer instanceof LayerConfig.PoolLayer pool) {
      return SpatialRules.pool(pool.label(), name, pool.window(), pool.strides(), pool.padding(), ins.get(0));
    } else if (layer instanceof LayerConfig.GlobalPoolLayer global) {
      return SpatialRules.globalPool(global.label(), name, ins.get(0));
    } else if (layer instanceof LayerConfig.BatchNormLayer bn) {
      return SpatialRules.batchNorm(name, bn.momentum(), bn.epsilon(), ins.get(0));
    } else if (layer instanceof LayerConfig.ZeroPaddingLayer pad) {
      return SpatialRules.zeroPadding(name, pad.padding(), ins.get(0));
    } else if (layer instanceof LayerConfig.UpSamplingLayer up) {
      return SpatialRules.upSampling(name, up.factors(), ins.get(0));
    } else if (layer instanceof LayerConfig.SpatialDropoutLayer drop) {
      return SpatialRules.spatialDropout(name, drop.rate(), ins.get(0));
    } else if (layer instanceof LayerConfig.RecurrentLayer rnn) {
      return RecurrentRules.states(rnn.label(), name, rnn.units(), stateNames(rnn), !rnn.merge().isEmpty(),
          rnn.returnState(), rnn.truncate(), ins.subList(1, ins.size()),
          RecurrentRules.recurrent(rnn.label(), name, rnn.units(), rnn.returnSequences(), rnn.merge(), ins.get(0)));
    } else if (layer instanceof LayerConfig.FinalStateLayer state) {
      return finalState(name, state.index(), ins.get(0));
    } else if (layer instanceof LayerConfig.EmbeddingLayer emb) {
      return RecurrentRules.embedding(name, emb.vocabulary(), emb.dimension(), ins.get(0));
    } else if (layer instanceof LayerConfig.LayerNormLayer norm) {
      return TransformerRules.layerNorm(name, norm.epsilon(), ins.get(0));
    } else if (layer instanceof LayerConfig.PositionalEmbeddingLayer) {
      return TransformerRules.sequenceShaped("@PositionalEmbedding", name, ins.get(0));
    } else if (layer instanceof LayerConfig.PoolTokensLayer) {
      return TransformerRules.poolTokens(name, ins.get(0));
    } else if (layer instanceof LayerConfig.MultiHeadAttentionLayer mha) {
      return TransformerRules.multiHeadAttention(name, mha.heads(), mha.keyDim(), mha.dropout(), mha.causal(), ins);
    } else if (layer instanceof LayerConfig.TransformerEncoderLayer enc) {
      return TransformerRules.transformerEncoder(name, enc.layers(), enc.heads(), enc.feedForward(), enc.dropout(),
          enc.epsilon(), ins.get(0));
    } else if (layer instanceof LayerConfig.TransformerDecoderLayer decoder) {
      return SequenceRules.transformerDecoder(name, decoder.vocabulary(), decoder.units(), decoder.layers(),
          decoder.heads(), decoder.feedForward(), decoder.dropout(), ins);
    } else if (layer instanceof LayerConfig.SequenceDecoderLayer decoder) {
      return SequenceRules.sequenceDecoder(name, decoder.vocabulary(), decoder.embedding(), decoder.units(),
          decoder.attention(), decoder.attentionUnits(), ins);
    } else if (layer instanceof LayerConfig.MaskingLayer) {
      return RecurrentRules.masking(name, ins.get(0));
    } else if (layer instanceof LayerConfig.SampleLayer sample) {
      return GenerativeRules.sample(name, sample.klWeight(), ins);
    } else if (layer instanceof LayerConfig.NoiseLayer noise) {
      return GenerativeRules.noise(noise.label(), name, noise.amount(), ins.get(0));
    } else if (layer instanceof LayerConfig.ActivityRegularizationLayer reg) {
      return GenerativeRules.activityRegularization(name, reg.l1(), reg.sparsityTarget(), reg.sparsityWeight(),
          ins.get(0));
    } else if (layer instanceof LayerConfig.IdentityLayer) {
      return ShapeResult.ok(ins.get(0).shape());
    } else if (layer instanceof LayerConfig.SubModelLayer sub) {
      return subModel(name, sub, ins);
    } else if (layer instanceof LayerConfig.PrimaryCapsLayer p) {
      return CapsuleRules.primaryCaps(name, p.channels(), p.dimension(), p.kernel(), p.strides(), ins.get(0));
    } else if (layer instanceof LayerConfig.CapsulesLayer c) {
      return CapsuleRules.capsules(name, c.count(), c.dimension(), c.routing(), ins.get(0));
    } else if (layer instanceof LayerConfig.CapsuleLengthLayer) {
      return CapsuleRules.capsuleLength(name, ins.get(0));
    } else if (layer instanceof LayerConfig.CapsuleMaskLayer) {
      return CapsuleRules.capsuleMask(name, ins);
    } else if (layer instanceof LayerConfig.DistanceLayer d) {
      return CapsuleRules.distance(name, d.margin(), ins);
    } else if (layer instanceof LayerConfig.MaskedLmHeadLayer head) {
      return MaskedLmRules.head(name, head.epsilon(), TiedEmbedding.resolve(spec, head.tiedTo()), ins);
    }
    throw new IllegalStateException("unknown layer " + layer);
  }

  private ShapeResult finalState(String name, int index, NamedShape in) {
    LayerConfig source = spec.node(in.name()).map(NodeSpec::layer).orElseThrow();
    if (source instanceof LayerConfig.RecurrentLayer rnn) {
      return RecurrentRules.finalState(name, index, in, rnn.label(), stateNames(rnn), rnn.returnState(), rnn.units());
    }
    return RecurrentRules.finalState(name, index, in, source.label(), List.of(), false, 0);
  }

  private static List<String> stateNames(LayerConfig.RecurrentLayer rnn) {
    return rnn.stateCount() == 2 ? List.of("h", "c") : List.of("h");
  }

  private ShapeResult subModel(String name, LayerConfig.SubModelLayer sub, List<NamedShape> ins) {
    String subName = sub.model().simpleName();
    CheckedModel checked = sub.valid() ? subModels.apply(sub.model()) : null;
    if (checked == null || checked.report().hasErrors()) {
      return ShapeResult.error("SubModel.invalid", "Sub-model " + subName + " on '" + name + "' needs to be a valid"
          + " model, but " + subName + " has errors. Fix the errors reported on " + subName + " first.");
    }
    List<NodeSpec> outputs = checked.spec().outputs();
    if (outputs.size() != 1) {
      return ShapeResult.error("SubModel.outputs", "Sub-model " + subName + " on '" + name + "' needs exactly one"
          + " @Output to be used as a layer, but found " + outputs.size() + " ("
          + outputs.stream().map(NodeSpec::name).collect(Collectors.joining(", ")) + "). Use a model with a single"
          + " @Output.");
    }
    List<NamedShape> expected = checked.spec().inputs().stream()
        .map(in -> new NamedShape(in.name(), checked.shapes().get(in.name())))
        .toList();
    return ShapeRules.subModel(name, subName, expected, ins, checked.shapes().get(outputs.get(0).name()));
  }
}
