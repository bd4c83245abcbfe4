package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepwire.processor.Sources.assertError;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** The attention and transformer annotations: readable generated calls and exact javac errors. */
class TransformerProcessorTest {

  @Test
  void aBertStyleClassifierCompilesIntoReadableCalls() {
    Compilation compilation = Sources.compile(Sources.source("TinyBert", """
        @Model(loss = BINARY_CROSSENTROPY)
        public interface TinyBert {
          @Input(shape = 32) Tensor tokens();
          @Embedding(vocabulary = 1000, dimension = 64, maskZero = true) Tensor vectors(Tensor tokens);
          @PositionalEmbedding Tensor placed(Tensor vectors);
          @LayerNorm Tensor normed(Tensor placed);
          @TransformerEncoder(layers = 2, heads = 4, feedForward = 128) Tensor encoded(Tensor normed);
          @MultiHeadAttention(heads = 2, keyDim = 16, causal = true) Tensor looked(Tensor encoded);
          @PoolTokens(PoolTokens.Mode.FIRST) Tensor pooled(Tensor looked);
          @Output @Dense(units = 1, activation = SIGMOID) Tensor spam(Tensor pooled);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    for (String line : new String[] {
        "Operand<TFloat32> placed = new PositionalEmbedding(PositionalEmbedding.Kind.LEARNED)"
            + ".call(scope.child(\"placed\"), vectors);",
        "Operand<TFloat32> normed = new LayerNorm(1.0E-6).call(scope.child(\"normed\"), placed);",
        "Operand<TFloat32> encoded = new TransformerEncoder(2, 4, 128, 0.1, false, ActivationFunction.GELU, 1.0E-6)"
            + ".call(scope.child(\"encoded\"), normed);",
        "Operand<TFloat32> looked = new MultiHeadAttention(2, 16, 0.0).apply(scope.child(\"looked\"), encoded,"
            + " true);",
        "Operand<TFloat32> pooled = new PoolTokens(PoolTokens.Mode.FIRST).call(scope.child(\"pooled\"), looked);"}) {
      assertThat(compilation).generatedSourceFile("test.TinyBertGraph").contentsAsUtf8String().contains(line);
    }
  }

  @Test
  void widthNotAMultipleOfHeads() {
    assertError("""
        @Model(loss = BINARY_CROSSENTROPY)
        class Net {
          @Input(shape = 32) Tensor tokens;
          @Embedding(vocabulary = 100, dimension = 30) Tensor vectors;
          @TransformerEncoder(heads = 4, feedForward = 64) Tensor encoded;
          @PoolTokens Tensor pooled;
          @Output @Dense(units = 1, activation = SIGMOID) Tensor spam;
        }
        """, "[TransformerEncoder.heads] @TransformerEncoder on 'encoded' needs the model width to be a multiple of"
        + " heads, but 'vectors' is [batch, 32, 30] and heads = 4. Use heads dividing 30.",
        "@TransformerEncoder(heads = 4");
  }

  @Test
  void encoderOnVectors() {
    assertError("""
        @Model(loss = BINARY_CROSSENTROPY)
        class Net {
          @Input(shape = 32) Tensor features;
          @TransformerEncoder(heads = 4, feedForward = 64) Tensor encoded;
          @Output @Dense(units = 1, activation = SIGMOID) Tensor spam;
        }
        """, "[Shape.rank] @TransformerEncoder on 'encoded' needs a sequence [batch, time, d], but 'features' is"
        + " [batch, 32]; put it after an @Embedding (and a @PositionalEmbedding).", "@TransformerEncoder(heads = 4");
  }

  @Test
  void attentionWithThreeInputs() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = {4, 8}) Tensor a();
          @Input(shape = {4, 8}) Tensor b();
          @Input(shape = {4, 8}) Tensor c();
          @MultiHeadAttention(heads = 2, keyDim = 4) Tensor mixed(Tensor a, Tensor b, Tensor c);
          @PoolTokens Tensor pooled(Tensor mixed);
          @Output @Dense(units = 1) Tensor y(Tensor pooled);
        }
        """, "[MultiHeadAttention.params] @MultiHeadAttention on 'mixed' needs one input (self-attention) or two"
        + " (query, memory), but found 3 (a, b, c). Declare it as 'Tensor mixed(Tensor x)' or 'Tensor mixed(Tensor"
        + " query, Tensor memory)'.", "@MultiHeadAttention(heads = 2");
  }

  @Test
  void causalCrossAttentionOverAnotherLength() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = {4, 8}) Tensor query();
          @Input(shape = {6, 8}) Tensor memory();
          @MultiHeadAttention(heads = 2, keyDim = 4, causal = true) Tensor mixed(Tensor query, Tensor memory);
          @PoolTokens Tensor pooled(Tensor mixed);
          @Output @Dense(units = 1) Tensor y(Tensor pooled);
        }
        """, "[MultiHeadAttention.causal] @MultiHeadAttention on 'mixed' is causal, which needs as many query as"
        + " memory steps, but 'query' is [batch, 4, 8] and 'memory' is [batch, 6, 8].", "causal = true");
  }

  @Test
  void nonPositiveEpsilonAndPoolingAVector() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {4, 8}) Tensor series;
          @LayerNorm(epsilon = 0) Tensor normed;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[LayerNorm.epsilon] @LayerNorm on 'normed' needs epsilon > 0, but found epsilon = 0.0. Use a small"
        + " positive number such as 1e-6.", "@LayerNorm(epsilon = 0)");
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 8) Tensor features;
          @PoolTokens Tensor pooled;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Shape.rank] @PoolTokens on 'pooled' needs a sequence [batch, time, features], but 'features' is"
        + " [batch, 8].", "@PoolTokens");
  }
}
