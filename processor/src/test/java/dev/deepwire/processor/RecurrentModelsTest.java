package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Models with every sequence layer compile, and the generated graph calls the runtime layers as expected. */
class RecurrentModelsTest {

  @Test
  void everySequenceLayerCompilesIntoReadableCalls() {
    Compilation compilation = Sources.compile(Sources.source("AllRecurrent", """
        @Model(loss = BINARY_CROSSENTROPY)
        public class AllRecurrent {
          @Input(shape = 40) Tensor ids;
          @Embedding(vocabulary = 500, dimension = 16, maskZero = true) Tensor vectors;
          @Bidirectional(merge = Merge.SUM) @LSTM(units = 12, returnSequences = true) Tensor both;
          @GRU(units = 8, returnSequences = true, resetAfter = false) Tensor gru;
          @Bidirectional @SimpleRNN(units = 4, activation = RELU) Tensor last;
          @Output @Dense(units = 1, activation = SIGMOID) Tensor spam;
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    String graph = "test.AllRecurrentGraph";
    for (String line : new String[] {
        "Operand<TFloat32> vectors = new Embedding(500, 16, true).call(scope.child(\"vectors\"), ids);",
        "Operand<TFloat32> both = new Bidirectional(new Recurrent(new LstmCell(12), true, false), Merge.SUM)"
            + ".call(scope.child(\"both\"), vectors);",
        "Operand<TFloat32> gru = new Recurrent(new GruCell(8, ActivationFunction.TANH, ActivationFunction.SIGMOID,"
            + " true, false), true, false).call(scope.child(\"gru\"), both);",
        "Operand<TFloat32> last = new Bidirectional(new Recurrent(new SimpleRnnCell(4, ActivationFunction.RELU,"
            + " true)), Merge.CONCAT).call(scope.child(\"last\"), gru);"}) {
      assertThat(compilation).generatedSourceFile(graph).contentsAsUtf8String().contains(line);
    }
  }

  @Test
  void maskedSeriesModelInGraphFormCompiles() {
    Compilation compilation = Sources.compile(Sources.source("Forecast", """
        @Model(loss = MSE)
        public interface Forecast {
          @Input(shape = {24, 2}) Tensor series();
          @Masking Tensor masked(Tensor series);
          @LSTM(units = 16) Tensor state(Tensor masked);
          @Output @Dense(units = 1) Tensor next(Tensor state);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.ForecastGraph").contentsAsUtf8String()
        .contains("Operand<TFloat32> state = new Recurrent(new LstmCell(16)).call(scope.child(\"state\"), masked);");
  }

  @Test
  void initialAndFinalStatesAndTruncationCompileIntoCalls() {
    Compilation compilation = Sources.compile(Sources.source("Translator", """
        @Model(loss = MSE)
        public interface Translator {
          @Input(shape = {12, 4}) Tensor source();
          @Input(shape = {9, 6}) Tensor target();
          @LSTM(units = 16, returnState = true) Tensor encoder(Tensor source);
          @FinalState(0) Tensor h(Tensor encoder);
          @FinalState(1) Tensor c(Tensor encoder);
          @LSTM(units = 16, truncate = 3) Tensor decoder(Tensor target, Tensor h, Tensor c);
          @Output @Dense(units = 1) Tensor next(Tensor decoder);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    for (String line : new String[] {
        "Operand<TFloat32> encoder = new Recurrent(new LstmCell(16)).call(scope.child(\"encoder\"), source);",
        "Operand<TFloat32> h = new FinalState(0).call(scope.child(\"h\"), encoder);",
        "Operand<TFloat32> c = new FinalState(1).call(scope.child(\"c\"), encoder);",
        "Operand<TFloat32> decoder = new Recurrent(new LstmCell(16)).truncated(3).call(scope.child(\"decoder\"),"
            + " target, List.of(h, c));"}) {
      assertThat(compilation).generatedSourceFile("test.TranslatorGraph").contentsAsUtf8String().contains(line);
    }
  }
}
