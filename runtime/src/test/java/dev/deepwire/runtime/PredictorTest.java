package dev.deepwire.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PredictorTest {

  private static final RuntimeOptions OPTIONS = new RuntimeOptions(11, 2, 1);

  @Test
  void concurrentCallsGiveTheSameAnswersAsSequentialOnes() throws Exception {
    float[][] examples = new float[600][];
    for (int i = 0; i < examples.length; i++) {
      examples[i] = new float[] {(i % 17) / 8f - 1, (i % 5) / 2f - 1};
    }
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      Predictor<TwoBlobsModel> predictor = model.predictor();
      float[][] sequential = predictor.predict(examples);
      assertEquals(600, sequential.length, "more rows than one batch of " + Predictor.BATCH);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<float[]>> futures = new ArrayList<>();
        for (int i = 0; i < examples.length; i++) {
          float[] example = examples[i];
          futures.add(pool.submit(() -> predictor.predict(example)));
        }
        for (int i = 0; i < examples.length; i++) {
          assertArrayEquals(sequential[i], futures.get(i).get(), 1e-6f, "example " + i);
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void flatExamplesGiveTheRowPathsAnswersAcrossBatches() {
    int rows = 2 * Predictor.BATCH + 37;
    float[][] examples = new float[rows][];
    float[] flat = new float[rows * 2];
    for (int i = 0; i < rows; i++) {
      examples[i] = new float[] {(i % 13) / 6f - 1, (i % 7) / 3f - 1};
      System.arraycopy(examples[i], 0, flat, i * 2, 2);
    }
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      float[][] byRow = model.predictor().predict(examples);
      float[] scores = model.predictor().predictFlat(flat);
      assertEquals(rows * 2, scores.length);
      for (int i = 0; i < rows; i++) {
        assertArrayEquals(byRow[i], new float[] {scores[2 * i], scores[2 * i + 1]}, 1e-6f, "example " + i);
      }
      var ragged = assertThrows(IllegalArgumentException.class, () -> model.predictor().predictFlat(new float[5]));
      assertEquals("input 'point' takes examples of 2 floats laid end to end; got 5 floats", ragged.getMessage());
    }
  }

  @Test
  void softmaxRowsSumToOneAndPredictClassIsTheirArgMax() {
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      float[] scores = model.predictor().predict(new float[] {0.5f, -0.25f});
      assertEquals(2, scores.length);
      assertEquals(1.0, scores[0] + scores[1], 1e-6);
      assertEquals(scores[0] >= scores[1] ? 0 : 1, model.predictor().predictClass(new float[] {0.5f, -0.25f}));
    }
  }

  @Test
  void badInputsAreNamedInTheError() {
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      var wrongWidth = assertThrows(IllegalArgumentException.class,
          () -> model.predictor().predict(new float[][] {{1f, 2f}, {1f, 2f, 3f}}));
      assertEquals("example 1 of input 'point' has 3 values, expected 2 (shape [2])", wrongWidth.getMessage());
      var unknown = assertThrows(IllegalArgumentException.class,
          () -> model.predictor().predict(Map.of("point", new float[][] {{1f, 2f}}, "pixels", new float[][] {{1f}})));
      assertEquals("unknown input 'pixels'; TwoBlobs takes [point[2]:FLOAT32]", unknown.getMessage());
    }
  }

  @Test
  void singleExamplesGiveTheBatchPathsAnswersBeforeAndAfterTraining() {
    float[][] examples = new float[40][];
    for (int i = 0; i < examples.length; i++) {
      examples[i] = new float[] {(i % 7) / 3f - 1, (i % 11) / 5f - 1};
    }
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      Predictor<TwoBlobsModel> predictor = model.predictor();
      float[] before = predictor.predict(examples[3]);
      assertSinglesMatchBatch(predictor, examples);
      model.trainer().fit(TwoBlobsModel.blobs(200, 5), FitOptions.builder().epochs(2).batchSize(16)
          .progressBar(false).build());
      assertSinglesMatchBatch(predictor, examples); // the reused runner reads the trained weights
      assertNotEquals(before[0], predictor.predict(examples[3])[0]);
    }
  }

  @Test
  void aSingleExampleOfTheWrongWidthIsNamedInTheError() {
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      var wrongWidth = assertThrows(IllegalArgumentException.class,
          () -> model.predictor().predict(new float[] {1f, 2f, 3f}));
      assertEquals("example 0 of input 'point' has 3 values, expected 2 (shape [2])", wrongWidth.getMessage());
    }
  }

  @Test
  void aClosedModelRefusesSingleExamples() {
    CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS);
    Predictor<TwoBlobsModel> predictor = model.predictor();
    predictor.predict(new float[] {0.5f, 0.5f});
    model.close();
    assertThrows(IllegalStateException.class, () -> predictor.predict(new float[] {0.5f, 0.5f}));
  }

  private static void assertSinglesMatchBatch(Predictor<TwoBlobsModel> predictor, float[][] examples) {
    float[][] batch = predictor.predict(examples);
    for (int i = 0; i < examples.length; i++) {
      assertArrayEquals(batch[i], predictor.predict(examples[i]), 1e-6f, "example " + i);
    }
  }
}
