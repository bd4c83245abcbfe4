package dev.deepwire.processor.write;

import static dev.deepwire.processor.TypeNames.ACTIVATION_FUNCTION;
import static dev.deepwire.processor.TypeNames.LAYER_NORM;
import static dev.deepwire.processor.TypeNames.MULTI_HEAD_ATTENTION;
import static dev.deepwire.processor.TypeNames.POOL_TOKENS;
import static dev.deepwire.processor.TypeNames.POSITIONAL_EMBEDDING;
import static dev.deepwire.processor.TypeNames.TRANSFORMER_ENCODER;

import com.palantir.javapoet.CodeBlock;
import dev.deepwire.processor.model.LayerConfig;

/** Writes the calls of the attention and transformer layers. */
final class TransformerLayerCalls {

  private TransformerLayerCalls() {}

  /**
   * The expression computing a transformer-family node.
   *
   * @param scope the node's scope expression
   * @param args its inputs' local variables, comma-separated
   */
  static CodeBlock of(LayerConfig layer, CodeBlock scope, String args) {
    if (layer instanceof LayerConfig.LayerNormLayer norm) {
      return CodeBlock.of("new $T($L).call($L, $L)", LAYER_NORM, LayerCalls.literal(norm.epsilon()), scope, args);
    } else if (layer instanceof LayerConfig.PositionalEmbeddingLayer positions) {
      return CodeBlock.of("new $T($T.Kind.$L).call($L, $L)", POSITIONAL_EMBEDDING, POSITIONAL_EMBEDDING,
          positions.kind(), scope, args);
    } else if (layer instanceof LayerConfig.PoolTokensLayer pool) {
      return CodeBlock.of("new $T($T.Mode.$L).call($L, $L)", POOL_TOKENS, POOL_TOKENS, pool.mode(), scope, args);
    } else if (layer instanceof LayerConfig.MultiHeadAttentionLayer mha) {
      return CodeBlock.of("new $T($L, $L, $L).apply($L, $L, $L)", MULTI_HEAD_ATTENTION, mha.heads(), mha.keyDim(),
          LayerCalls.literal(mha.dropout()), scope, args, mha.causal());
    } else if (layer instanceof LayerConfig.TransformerEncoderLayer enc) {
      return CodeBlock.of("new $T($L, $L, $L, $L, $L, $T.$L, $L).call($L, $L)", TRANSFORMER_ENCODER, enc.layers(),
          enc.heads(), enc.feedForward(), LayerCalls.literal(enc.dropout()), enc.preNorm(), ACTIVATION_FUNCTION,
          enc.activation(), LayerCalls.literal(enc.epsilon()), scope, args);
    }
    throw new IllegalArgumentException("not a transformer layer: " + layer);
  }
}
