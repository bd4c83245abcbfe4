package dev.deepwire.processor;

import static dev.deepwire.processor.Sources.assertError;

import org.junit.jupiter.api.Test;

/** Misuses of the sequence layers: javac errors with inferred shapes, on the offending line. */
class RecurrentMisuseTest {

  @Test
  void lstmOnFlatSeriesSuggestsReshape() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 30) Tensor series;
          @LSTM(units = 8) Tensor state;
          @Output @Dense(units = 1) Tensor next;
        }
        """, "[Shape.rank] @LSTM on 'state' needs a rank-3 input [batch, time, features], but 'series' is"
        + " [batch, 30]; add @Reshape({30, 1}) before it (one feature per step).", "@LSTM(units = 8)");
  }

  @Test
  void denseAfterSequencesNeedsFlatten() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {30, 1}) Tensor series;
          @GRU(units = 8, returnSequences = true) Tensor states;
          @Output @Dense(units = 1) Tensor next;
        }
        """, "[Shape.rank] @Dense on 'next' needs a rank-2 input [batch, features], but 'states' is [batch, 30, 8];"
        + " add @Flatten before it.", "Tensor next");
  }

  @Test
  void nonPositiveUnits() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {30, 1}) Tensor series;
          @SimpleRNN(units = 0) Tensor state;
          @Output @Dense(units = 1) Tensor next;
        }
        """, "[SimpleRNN.units] @SimpleRNN on 'state' needs units >= 1, but found units = 0. Use a positive number"
        + " of units.", "@SimpleRNN(units = 0)");
  }

  @Test
  void nonPositiveVocabularyAndDimension() {
    assertError("""
        @Model(loss = BINARY_CROSSENTROPY)
        class Net {
          @Input(shape = 40) Tensor ids;
          @Embedding(vocabulary = 0, dimension = 8) Tensor vectors;
          @LSTM(units = 8) Tensor state;
          @Output @Dense(units = 1, activation = SIGMOID) Tensor spam;
        }
        """, "[Embedding.vocabulary] @Embedding on 'vectors' needs vocabulary >= 1, but found vocabulary = 0. Use"
        + " the number of distinct token ids.", "@Embedding(vocabulary = 0");
    assertError("""
        @Model(loss = BINARY_CROSSENTROPY)
        class Net {
          @Input(shape = 40) Tensor ids;
          @Embedding(vocabulary = 100, dimension = -1) Tensor vectors;
          @LSTM(units = 8) Tensor state;
          @Output @Dense(units = 1, activation = SIGMOID) Tensor spam;
        }
        """, "[Embedding.dimension] @Embedding on 'vectors' needs dimension >= 1, but found dimension = -1. Use a"
        + " positive vector size such as 32.", "dimension = -1");
  }

  @Test
  void bidirectionalOnANonRecurrentLayer() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {30, 1}) Tensor series;
          @LSTM(units = 8) Tensor state;
          @Bidirectional @Output @Dense(units = 1) Tensor next;
        }
        """, "[Bidirectional.target] @Bidirectional on 'next' needs a recurrent layer (@SimpleRNN, @LSTM or @GRU),"
        + " but found @Dense. Remove @Bidirectional, or make 'next' a recurrent layer.", "@Bidirectional @Output");
  }
}
