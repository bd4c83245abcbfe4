package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepwire.processor.Sources.assertError;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** {@code @TransformerDecoder}: a transformer encoder-decoder compiles into readable calls; misuses are javac errors. */
class TransformerDecoderProcessorTest {

  @Test
  void transformerEncoderDecoderCompilesIntoADecoderCall() {
    Compilation compilation = Sources.compile(Sources.source("G2p", """
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY, metrics = Metric.ACCURACY)
        public interface G2p {
          @Input(shape = 20) Tensor letters();
          @Embedding(vocabulary = 32, dimension = 64, maskZero = true) Tensor letterVectors(Tensor letters);
          @PositionalEmbedding Tensor placed(Tensor letterVectors);
          @TransformerEncoder(layers = 2, heads = 4, feedForward = 128) Tensor encoded(Tensor placed);
          @Input(shape = 22) Tensor previousPhonemes();
          @Output @TransformerDecoder(vocabulary = 43, units = 64, layers = 3, heads = 8)
          Tensor phonemes(Tensor encoded, Tensor previousPhonemes);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.G2pGraph").contentsAsUtf8String().contains(
        "Operand<TFloat32> phonemes = new TransformerDecoder(43, 64, 3, 8, 256, 0.1).call(scope.child(\"phonemes\"),"
            + " encoded, previousPhonemes);");
    assertThat(compilation).generatedSourceFile("test.G2pGraph").contentsAsUtf8String().contains(
        ".output(\"phonemes\", Loss.SPARSE_CATEGORICAL_CROSSENTROPY, \"phonemes\", 1.0, 22, 43)");
  }

  @Test
  void unitsNotAMultipleOfHeadsIsAnError() {
    assertError("""
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY)
        interface Net {
          @Input(shape = {10, 16}) Tensor series();
          @Input(shape = 6) Tensor previous();
          @Output @TransformerDecoder(vocabulary = 9, units = 30, heads = 4) Tensor words(Tensor series, Tensor previous);
        }
        """, "[TransformerDecoder.heads] @TransformerDecoder on 'words' needs units to be a positive multiple of heads"
        + " (each head gets units / heads), but found units = 30 and heads = 4.",
        "@TransformerDecoder(vocabulary = 9, units = 30, heads = 4)");
  }

  @Test
  void aVectorEncodingIsAnError() {
    assertError("""
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY)
        interface Net {
          @Input(shape = 10) Tensor features();
          @Input(shape = 6) Tensor previous();
          @Output @TransformerDecoder(vocabulary = 15) Tensor words(Tensor features, Tensor previous);
        }
        """, "[Shape.rank] @TransformerDecoder on 'words' needs encoder outputs [batch, time, key] as its first input,"
        + " but 'features' is [batch, 10]. Use returnSequences = true on a recurrent encoder, or a"
        + " @TransformerEncoder.", "@TransformerDecoder(vocabulary = 15)");
  }

  @Test
  void oneInputIsAnError() {
    assertError("""
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY)
        interface Net {
          @Input(shape = {10, 4}) Tensor series();
          @Output @TransformerDecoder(vocabulary = 15) Tensor words(Tensor series);
        }
        """, "[TransformerDecoder.params] @TransformerDecoder on 'words' needs two inputs (the encoding and the"
        + " decoder's input tokens), but found 1 (series). Declare it as 'Tensor words(Tensor encoded, Tensor"
        + " previousTokens)' in a graph-form model.", "@TransformerDecoder(vocabulary = 15)");
  }

  @Test
  void aRegressionLossIsAnError() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = {10, 4}) Tensor series();
          @Input(shape = 6) Tensor previous();
          @Output @TransformerDecoder(vocabulary = 9, units = 8, heads = 2) Tensor words(Tensor series, Tensor previous);
        }
        """, "[Loss.sequence] @Output on 'words' uses loss MSE, but a @TransformerDecoder output needs"
        + " SPARSE_CATEGORICAL_CROSSENTROPY (targets are token ids [batch, length]). Use that loss.",
        "@Output");
  }
}
