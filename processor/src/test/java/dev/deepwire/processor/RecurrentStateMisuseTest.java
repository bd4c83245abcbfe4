package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Misused initial states, final states and truncation: javac errors with exact messages on the offending line. */
class RecurrentStateMisuseTest {

  private static void assertError(String net, String message, String line) {
    JavaFileObject src = Sources.source("Net", net);
    Compilation compilation = Sources.compile(src);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(src).onLineContaining(line);
  }

  @Test
  void lstmNeedsTwoInitialStates() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = {10, 3}) Tensor series();
          @Input(shape = 8) Tensor start();
          @LSTM(units = 8) Tensor state(Tensor series, Tensor start);
          @Output @Dense(units = 1) Tensor next(Tensor state);
        }
        """, "[LSTM.initialState] @LSTM on 'state' takes its sequence and then 2 initial states (h, c), but found 1"
        + " (start). Pass one parameter per state after the sequence.", "Tensor state(");
  }

  @Test
  void initialStateMustBeBatchByUnits() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = {10, 3}) Tensor series();
          @Input(shape = 4) Tensor start();
          @GRU(units = 8) Tensor state(Tensor series, Tensor start);
          @Output @Dense(units = 1) Tensor next(Tensor state);
        }
        """, "[GRU.initialState] @GRU on 'state' needs its initial state h 'start' to be [batch, 8], but 'start' is"
        + " [batch, 4]. Give 'start' 8 features, e.g. with @Dense(units = 8).", "Tensor state(");
  }

  @Test
  void finalStateNeedsReturnState() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = {10, 3}) Tensor series();
          @LSTM(units = 8) Tensor encoder(Tensor series);
          @FinalState(1) Tensor memory(Tensor encoder);
          @Output @Dense(units = 1) Tensor next(Tensor memory);
        }
        """, "[FinalState.returnState] @FinalState on 'memory' needs 'encoder' to declare returnState = true, but"
        + " @LSTM on 'encoder' has returnState = false. Add returnState = true to 'encoder'.", "Tensor memory(");
  }

  @Test
  void finalStateIndexWithinTheCellsStates() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = {10, 3}) Tensor series();
          @GRU(units = 8, returnState = true) Tensor encoder(Tensor series);
          @FinalState(1) Tensor memory(Tensor encoder);
          @Output @Dense(units = 1) Tensor next(Tensor memory);
        }
        """, "[FinalState.index] @FinalState on 'memory' needs an index from 0 to 0 (@GRU 'encoder' has 0 = h), but"
        + " found 1.", "@FinalState(1)");
  }

  @Test
  void finalStateOfANonRecurrentLayer() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 4) Tensor x();
          @Dense(units = 8) Tensor hidden(Tensor x);
          @FinalState Tensor state(Tensor hidden);
          @Output @Dense(units = 1) Tensor next(Tensor state);
        }
        """, "[FinalState.input] @FinalState on 'state' needs a recurrent layer (@SimpleRNN, @LSTM or @GRU) as its"
        + " input, but 'hidden' is @Dense. Pass the recurrent layer whose state you want.", "Tensor state(");
  }

  @Test
  void bidirectionalTakesNoStates() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {10, 3}) Tensor series;
          @Bidirectional @LSTM(units = 8, returnState = true) Tensor state;
          @Output @Dense(units = 1) Tensor next;
        }
        """, "[Bidirectional.states] @LSTM on 'state' reads in both directions and takes no initial states and no"
        + " returnState, but found returnState = true. Remove returnState, or @Bidirectional.", "Tensor state;");
  }

  @Test
  void negativeTruncation() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {10, 3}) Tensor series;
          @SimpleRNN(units = 8, truncate = -2) Tensor state;
          @Output @Dense(units = 1) Tensor next;
        }
        """, "[SimpleRNN.truncate] @SimpleRNN on 'state' needs truncate >= 0, but found truncate = -2. Use 0 for full"
        + " back-propagation through time, or k > 0 to back-propagate at most k steps.", "truncate = -2");
  }
}
