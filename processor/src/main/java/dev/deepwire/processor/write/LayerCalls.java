package dev.deepwire.processor.write;

import static dev.deepwire.processor.TypeNames.ACTIVATION_FUNCTION;
import static dev.deepwire.processor.TypeNames.ACTIVATION_LAYER;
import static dev.deepwire.processor.TypeNames.ADD;
import static dev.deepwire.processor.TypeNames.ATTENTION_SCORE;
import static dev.deepwire.processor.TypeNames.CONCATENATE;
import static dev.deepwire.processor.TypeNames.DECODER_CELL;
import static dev.deepwire.processor.TypeNames.DENSE;
import static dev.deepwire.processor.TypeNames.DROPOUT;
import static dev.deepwire.processor.TypeNames.FLATTEN;
import static dev.deepwire.processor.TypeNames.INITIALIZER;
import static dev.deepwire.processor.TypeNames.RESHAPE;
import static dev.deepwire.processor.TypeNames.SEQUENCE_DECODER;
import static dev.deepwire.processor.TypeNames.TRANSFORMER_DECODER;

import com.palantir.javapoet.CodeBlock;
import dev.deepwire.processor.model.LayerConfig;
import dev.deepwire.processor.model.NodeSpec;
import dev.deepwire.processor.shape.Shape;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the runtime-layer expression that computes one node, given its inputs' local variables. */
final class LayerCalls {

  private LayerCalls() {}

  /**
   * The expression of a node that is neither an input nor a sub-model.
   *
   * @param args the local variables of its inputs
   * @param shape its inferred shape (a reshape is written with its inferred dimensions)
   */
  static CodeBlock of(NodeSpec node, List<String> args, Shape shape) {
    CodeBlock scope = CodeBlock.of("scope.child($S)", node.name());
    String joined = String.join(", ", args);
    LayerConfig layer = node.layer();
    if (layer instanceof LayerConfig.DenseLayer dense) {
      return CodeBlock.of("$L.build().call($L, $L)", dense(dense), scope, joined);
    } else if (layer instanceof LayerConfig.DropoutLayer dropout) {
      return CodeBlock.of("new $T($L).call($L, $L)", DROPOUT, literal(dropout.rate()), scope, joined);
    } else if (layer instanceof LayerConfig.FlattenLayer) {
      return CodeBlock.of("new $T().call($L, $L)", FLATTEN, scope, joined);
    } else if (layer instanceof LayerConfig.ReshapeLayer) {
      String dims = shape.dims().stream().map(String::valueOf).collect(Collectors.joining(", "));
      return CodeBlock.of("new $T($L).call($L, $L)", RESHAPE, dims, scope, joined);
    } else if (layer instanceof LayerConfig.ActivationLayer activation) {
      return CodeBlock.of("new $T($T.$L, $L).call($L, $L)", ACTIVATION_LAYER, ACTIVATION_FUNCTION,
          activation.function(), literal(activation.alpha()), scope, joined);
    } else if (layer instanceof LayerConfig.ConcatenateLayer) {
      return CodeBlock.of("new $T().call($L, $L)", CONCATENATE, scope, joined);
    } else if (layer instanceof LayerConfig.AddLayer) {
      return CodeBlock.of("new $T().call($L, $L)", ADD, scope, joined);
    } else if (layer instanceof LayerConfig.ConvLayer
        || layer instanceof LayerConfig.ConvTransposeLayer
        || layer instanceof LayerConfig.PoolLayer
        || layer instanceof LayerConfig.GlobalPoolLayer
        || layer instanceof LayerConfig.BatchNormLayer
        || layer instanceof LayerConfig.ZeroPaddingLayer
        || layer instanceof LayerConfig.UpSamplingLayer
        || layer instanceof LayerConfig.SpatialDropoutLayer) {
      return CodeBlock.of("$L.call($L, $L)", SpatialLayerCalls.of(layer), scope, joined);
    } else if (layer instanceof LayerConfig.RecurrentLayer
        || layer instanceof LayerConfig.EmbeddingLayer
        || layer instanceof LayerConfig.MaskingLayer
        || layer instanceof LayerConfig.FinalStateLayer) {
      return RecurrentLayerCalls.call(layer, scope, args);
    } else if (layer instanceof LayerConfig.LayerNormLayer
        || layer instanceof LayerConfig.PositionalEmbeddingLayer
        || layer instanceof LayerConfig.MultiHeadAttentionLayer
        || layer instanceof LayerConfig.TransformerEncoderLayer
        || layer instanceof LayerConfig.PoolTokensLayer) {
      return TransformerLayerCalls.of(layer, scope, joined);
    } else if (layer instanceof LayerConfig.TransformerDecoderLayer decoder) {
      int feedForward = decoder.feedForward() == 0 ? 4 * decoder.units() : decoder.feedForward();
      return CodeBlock.of("new $T($L, $L, $L, $L, $L, $L).call($L, $L)", TRANSFORMER_DECODER, decoder.vocabulary(),
          decoder.units(), decoder.layers(), decoder.heads(), feedForward, decoder.dropout(), scope, joined);
    } else if (layer instanceof LayerConfig.SequenceDecoderLayer decoder) {
      return CodeBlock.of("new $T($L, $L, $L, $T.$L, $T.$L, $L).call($L, $L)", SEQUENCE_DECODER, decoder.vocabulary(),
          decoder.embedding(), decoder.units(), DECODER_CELL, decoder.cell(), ATTENTION_SCORE, decoder.attention(),
          decoder.attentionUnits(), scope, joined);
    } else if (layer instanceof LayerConfig.SampleLayer
        || layer instanceof LayerConfig.NoiseLayer
        || layer instanceof LayerConfig.ActivityRegularizationLayer) {
      return CodeBlock.of("$L.call($L, $L)", GenerativeLayerCalls.of(layer), scope, joined);
    } else if (CapsuleLayerCalls.handles(layer)) {
      return CodeBlock.of("$L.call($L, $L)", CapsuleLayerCalls.of(layer), scope, joined);
    } else if (layer instanceof LayerConfig.IdentityLayer) {
      return CodeBlock.of("$L", joined);
    }
    throw new IllegalArgumentException("no call for " + layer);
  }

  /** {@code Dense.withUnits(n)} followed by the settings that differ from the annotation's defaults. */
  private static CodeBlock dense(LayerConfig.DenseLayer dense) {
    CodeBlock.Builder b = CodeBlock.builder().add("$T.withUnits($L)", DENSE, dense.units());
    if (!dense.activation().equals("LINEAR")) {
      b.add(".activation($T.$L)", ACTIVATION_FUNCTION, dense.activation());
    }
    if (dense.alpha() != 0.2) {
      b.add(".alpha($L)", literal(dense.alpha()));
    }
    if (!dense.useBias()) {
      b.add(".useBias(false)");
    }
    if (!dense.kernelInitializer().equals("GLOROT_UNIFORM")) {
      b.add(".kernelInitializer($T.$L)", INITIALIZER, dense.kernelInitializer());
    }
    if (!dense.biasInitializer().equals("ZEROS")) {
      b.add(".biasInitializer($T.$L)", INITIALIZER, dense.biasInitializer());
    }
    if (dense.kernelL1() != 0) {
      b.add(".kernelL1($L)", literal(dense.kernelL1()));
    }
    if (dense.kernelL2() != 0) {
      b.add(".kernelL2($L)", literal(dense.kernelL2()));
    }
    return b.build();
  }

  /** A double as a Java literal, e.g. {@code 0.001} or {@code 1.0E-5}. */
  static String literal(double value) {
    return Double.toString(value);
  }
}
