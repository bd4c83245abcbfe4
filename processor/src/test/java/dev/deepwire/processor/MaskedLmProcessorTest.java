package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepwire.processor.Sources.assertError;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @MaskedLmHead}: its tie to an {@code @Embedding}, resolved through sub-models, and exact javac errors. */
class MaskedLmProcessorTest {

  static final JavaFileObject ENCODER = Sources.source("Encoder", """
      @Model
      public class Encoder {
        @Input(shape = 16) Tensor tokens;
        @Embedding(vocabulary = 50, dimension = 8, maskZero = true) Tensor vectors;
        @PositionalEmbedding Tensor placed;
        @Output @TransformerEncoder(heads = 2, feedForward = 16) Tensor encoded;
      }
      """);

  static String pretraining(String tiedTo, String loss) {
    return """
        @Model(loss = %s)
        public interface Net {
          @Input(shape = 16) Tensor tokens();
          @Input(shape = 3) Tensor positions();
          @Input(shape = 3) Tensor weights();
          Encoder encoded(Tensor tokens);
          @Output @MaskedLmHead(tiedTo = "%s") Tensor predicted(Tensor encoded, Tensor positions, Tensor weights);
        }
        """.formatted(loss, tiedTo);
  }

  private static void assertNetError(String net, String message, String line) {
    JavaFileObject src = Sources.source("Net", net);
    assertThat(Sources.compile(ENCODER, src)).hadErrorContaining(message).inFile(src).onLineContaining(line);
  }

  @Test
  void theHeadGetsTheScopeOfTheSubModelsEmbedding() {
    Compilation compilation = Sources.compile(ENCODER,
        Sources.source("Net", pretraining("encoded.vectors", "SPARSE_CATEGORICAL_CROSSENTROPY")));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.NetGraph").contentsAsUtf8String().contains(
        "Operand<TFloat32> predicted = new MaskedLmHead(scope.child(\"encoder\").child(\"vectors\"), 50, 1.0E-6)"
            + ".call(scope.child(\"predicted\"), encoded, positions, weights);");
    assertThat(compilation).generatedSourceFile("test.NetGraph").contentsAsUtf8String().contains(
        ".output(\"predicted\", Loss.SPARSE_CATEGORICAL_CROSSENTROPY, \"predicted\", 1.0, 3, 50)");
  }

  @Test
  void aTieToAMissingLayerNamesTheEmbeddingsThere() {
    assertNetError(pretraining("encoded.vector", "SPARSE_CATEGORICAL_CROSSENTROPY"),
        "[MaskedLmHead.tiedTo] @MaskedLmHead on 'predicted' needs tiedTo to name an @Embedding, but found no layer"
            + " 'vector' in Encoder (its @Embedding layers: vectors). Name it as 'layer' or"
            + " 'subModelMember.layer'.", "@MaskedLmHead(tiedTo");
  }

  @Test
  void aTieToAnotherKindOfLayer() {
    assertNetError(pretraining("encoded.placed", "SPARSE_CATEGORICAL_CROSSENTROPY"),
        "[MaskedLmHead.tiedTo] @MaskedLmHead on 'predicted' needs tiedTo to name an @Embedding, but"
            + " 'encoded.placed' is @PositionalEmbedding (its @Embedding layers: vectors).", "@MaskedLmHead(tiedTo");
    assertNetError(pretraining("tokens.vectors", "SPARSE_CATEGORICAL_CROSSENTROPY"),
        "needs tiedTo to name an @Embedding, but 'tokens' is @Input, not a sub-model.", "@MaskedLmHead(tiedTo");
  }

  @Test
  void aLossOtherThanSparseCategorical() {
    assertNetError(pretraining("encoded.vectors", "MSE"),
        "[Loss.sequence] @Output on 'predicted' uses loss MSE, but a @MaskedLmHead output needs"
            + " SPARSE_CATEGORICAL_CROSSENTROPY", "@MaskedLmHead(tiedTo");
  }

  @Test
  void theEncodedWidthMustBeTheTablesDimension() {
    assertError("""
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY)
        interface Net {
          @Input(shape = 16) Tensor tokens();
          @Input(shape = 3) Tensor positions();
          @Input(shape = 3) Tensor weights();
          @Embedding(vocabulary = 50, dimension = 8) Tensor vectors(Tensor tokens);
          @Embedding(vocabulary = 50, dimension = 4) Tensor more(Tensor tokens);
          @Concatenate Tensor wide(Tensor vectors, Tensor more);
          @Output @MaskedLmHead(tiedTo = "vectors") Tensor predicted(Tensor wide, Tensor positions, Tensor weights);
        }
        """, "[MaskedLmHead.tiedTo] @MaskedLmHead on 'predicted' needs the encoded width to equal the tied"
        + " @Embedding's dimension 8, but 'wide' is [batch, 16, 12].", "@MaskedLmHead(tiedTo");
  }

  @Test
  void positionsAndWeightsOfOneShape() {
    assertError("""
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY)
        interface Net {
          @Input(shape = 16) Tensor tokens();
          @Input(shape = 3) Tensor positions();
          @Input(shape = 4) Tensor weights();
          @Embedding(vocabulary = 50, dimension = 8) Tensor vectors(Tensor tokens);
          @Output @MaskedLmHead(tiedTo = "vectors") Tensor predicted(Tensor vectors, Tensor positions, Tensor weights);
        }
        """, "[MaskedLmHead.slots] @MaskedLmHead on 'predicted' needs positions and weights of one shape [batch,"
        + " slots], but 'positions' is [batch, 3] and 'weights' is [batch, 4].", "@MaskedLmHead(tiedTo");
  }
}
