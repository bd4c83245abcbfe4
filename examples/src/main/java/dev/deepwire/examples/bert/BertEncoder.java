package dev.deepwire.examples.bert;

import dev.deepwire.annotations.Embedding;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.PositionalEmbedding;
import dev.deepwire.annotations.Tensor;
import dev.deepwire.annotations.TransformerEncoder;

/**
 * A small BERT encoder: {@link MlmCorpus#LENGTH} token ids ({@code [CLS]} first, 0-padded), word embeddings with
 * learned positions, and two transformer blocks of width 64 (4 heads, GELU feed-forward of 256). Pre-trained
 * inside {@link BertPretrain}, fine-tuned inside {@link BertClassifier}: both name it, so both share its weight
 * names ({@code bertEncoder.*}).
 */
@Model
public class BertEncoder {
  @Input(shape = MlmCorpus.LENGTH) Tensor tokens;
  @Embedding(vocabulary = MlmCorpus.VOCABULARY, dimension = MlmCorpus.WIDTH, maskZero = true) Tensor vectors;
  @PositionalEmbedding Tensor placed;
  @Output @TransformerEncoder(layers = 2, heads = 4, feedForward = 256) Tensor encoded;
}
