package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepwire.processor.Sources.assertError;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** {@code @SequenceDecoder}: good encoder-decoder models compile into readable calls; misuses are javac errors. */
class SequenceDecoderProcessorTest {

  @Test
  void attentionSeq2SeqCompilesIntoADecoderCall() {
    Compilation compilation = Sources.compile(Sources.source("G2p", """
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY, metrics = Metric.ACCURACY)
        public interface G2p {
          @Input(shape = 20) Tensor letters();
          @Embedding(vocabulary = 32, dimension = 16, maskZero = true) Tensor letterVectors(Tensor letters);
          @Bidirectional @LSTM(units = 32, returnSequences = true) Tensor encoded(Tensor letterVectors);
          @Input(shape = 22) Tensor previousPhonemes();
          @Output @SequenceDecoder(vocabulary = 43, units = 64, attention = AttentionScore.MULTIPLICATIVE)
          Tensor phonemes(Tensor encoded, Tensor previousPhonemes);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.G2pGraph").contentsAsUtf8String().contains(
        "Operand<TFloat32> phonemes = new SequenceDecoder(43, 64, 64, DecoderCell.LSTM,"
            + " AttentionScore.MULTIPLICATIVE, 0).call(scope.child(\"phonemes\"), encoded, previousPhonemes);");
    assertThat(compilation).generatedSourceFile("test.G2pGraph").contentsAsUtf8String().contains(
        ".output(\"phonemes\", Loss.SPARSE_CATEGORICAL_CROSSENTROPY, \"phonemes\", 1.0, 22, 43)");
  }

  @Test
  void vectorEncodingWithoutAttentionCompiles() {
    Compilation compilation = Sources.compile(Sources.source("Caption", """
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY)
        public interface Caption {
          @Input(shape = {8, 32, 1}) Tensor strip();
          @Flatten Tensor pixels(Tensor strip);
          @Dense(units = 64, activation = RELU) Tensor code(Tensor pixels);
          @Input(shape = 6) Tensor previousWords();
          @Output @SequenceDecoder(vocabulary = 15, cell = DecoderCell.GRU, attention = AttentionScore.NONE)
          Tensor words(Tensor code, Tensor previousWords);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CaptionGraph").contentsAsUtf8String().contains(
        "new SequenceDecoder(15, 64, 128, DecoderCell.GRU, AttentionScore.NONE, 0).call(scope.child(\"words\"),"
            + " code, previousWords);");
  }

  @Test
  void attentionOverAVectorIsAnError() {
    assertError("""
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY)
        interface Net {
          @Input(shape = 10) Tensor features();
          @Input(shape = 6) Tensor previous();
          @Output @SequenceDecoder(vocabulary = 15) Tensor words(Tensor features, Tensor previous);
        }
        """, "[SequenceDecoder.attention] @SequenceDecoder on 'words' attends with ADDITIVE, which needs encoder"
        + " outputs [batch, time, key], but 'features' is [batch, 10]. Use attention = NONE for a vector encoding,"
        + " or returnSequences = true on the encoder.", "@SequenceDecoder(vocabulary = 15)");
  }

  @Test
  void oneInputIsAnError() {
    assertError("""
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY)
        interface Net {
          @Input(shape = {10, 4}) Tensor series();
          @Output @SequenceDecoder(vocabulary = 15) Tensor words(Tensor series);
        }
        """, "[SequenceDecoder.params] @SequenceDecoder on 'words' needs two inputs (the encoding and the decoder's"
        + " input tokens), but found 1 (series). Declare it as 'Tensor words(Tensor encoded, Tensor"
        + " previousTokens)' in a graph-form model.", "@SequenceDecoder(vocabulary = 15)");
  }

  @Test
  void tooSmallVocabularyIsAnError() {
    assertError("""
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY)
        interface Net {
          @Input(shape = {10, 4}) Tensor series();
          @Input(shape = 6) Tensor previous();
          @Output @SequenceDecoder(vocabulary = 4) Tensor words(Tensor series, Tensor previous);
        }
        """, "[SequenceDecoder.vocabulary] @SequenceDecoder on 'words' needs vocabulary >= 5 (PAD, BOS, EOS, UNK and"
        + " at least one token), but found vocabulary = 4. Use the size of the output token vocabulary.",
        "@SequenceDecoder(vocabulary = 4)");
  }

  @Test
  void tokensOfRankThreeAreAnError() {
    assertError("""
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY)
        interface Net {
          @Input(shape = {10, 4}) Tensor series();
          @Input(shape = {6, 2}) Tensor previous();
          @Output @SequenceDecoder(vocabulary = 9) Tensor words(Tensor series, Tensor previous);
        }
        """, "[Shape.rank] @SequenceDecoder on 'words' needs decoder input tokens [batch, length] as its second input,"
        + " but 'previous' is [batch, 6, 2]; declare them as @Input(shape = length).",
        "@SequenceDecoder(vocabulary = 9)");
  }

  @Test
  void aRegressionLossIsAnError() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = {10, 4}) Tensor series();
          @Input(shape = 6) Tensor previous();
          @Output @SequenceDecoder(vocabulary = 9) Tensor words(Tensor series, Tensor previous);
        }
        """, "[Loss.sequence] @Output on 'words' uses loss MSE, but a @SequenceDecoder output needs"
        + " SPARSE_CATEGORICAL_CROSSENTROPY (targets are token ids [batch, length]). Use that loss.", "@Output");
  }
}
