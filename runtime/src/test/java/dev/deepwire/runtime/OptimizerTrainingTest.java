package dev.deepwire.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.runtime.data.Dataset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OptimizerTrainingTest {

  private static final RuntimeOptions OPTIONS = new RuntimeOptions(3, 2, 1);

  @ParameterizedTest
  @CsvSource({"SGD, 0.2, momentum", "MOMENTUM, 0.05, momentum", "ADAM, 0.05, m", "ADAMW, 0.05, m",
      "RMSPROP, 0.01, rms", "ADAGRAD, 0.2, accumulator"})
  void everyOptimizerLearnsAndKeepsItsStateAsVariables(OptimizerType type, double rate, String slot) {
    Dataset train = TwoBlobsModel.blobs(400, 1);
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(type, rate), OPTIONS)) {
      History history = model.trainer().fit(train, FitOptions.builder().epochs(4).progressBar(false).build());
      assertTrue(history.series("loss")[3] < history.series("loss")[0], type + " loss should fall");
      assertTrue(model.evaluator().evaluate(TwoBlobsModel.blobs(200, 2)).get("accuracy") > 0.9, type.name());
      if (type != OptimizerType.SGD) {
        assertNotNull(model.graph().operation("hidden.kernel-" + slot), "slot variable of " + type);
      }
    }
  }

  @Test
  void nesterovMomentumLearnsToo() {
    OptimizerSettings nesterov = OptimizerSettings.of(OptimizerType.MOMENTUM, 0.05).nesterov(true).momentum(0.8);
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(nesterov), OPTIONS)) {
      model.trainer().fit(TwoBlobsModel.blobs(400, 1), FitOptions.builder().epochs(4).progressBar(false).build());
      assertTrue(model.evaluator().evaluate(TwoBlobsModel.blobs(200, 2)).get("accuracy") > 0.9);
    }
  }

  /** One SGD step at rate 1 moves each weight by minus its (clipped) gradient. */
  private static Map<String, float[]> oneSgdStepDelta(OptimizerSettings settings) throws Exception {
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(settings), OPTIONS)) {
      var before = Checkpoints.capture(model, Map.of()).values();
      model.trainer().fit(TwoBlobsModel.blobs(32, 1),
          FitOptions.builder().epochs(1).batchSize(32).shuffle(false).progressBar(false).build());
      var after = Checkpoints.capture(model, Map.of()).values();
      Map<String, float[]> delta = new java.util.TreeMap<>();
      before.forEach((name, values) -> {
        float[] d = new float[values.length];
        for (int i = 0; i < d.length; i++) {
          d[i] = after.get(name)[i] - values[i];
        }
        delta.put(name, d);
      });
      return delta;
    }
  }

  @Test
  void clipValueBoundsEveryGradientElement() throws Exception {
    Map<String, float[]> free = oneSgdStepDelta(OptimizerSettings.of(OptimizerType.SGD, 1.0));
    Map<String, float[]> clipped = oneSgdStepDelta(OptimizerSettings.of(OptimizerType.SGD, 1.0).clipValue(0.01));
    free.forEach((name, d) -> {
      for (int i = 0; i < d.length; i++) {
        float expected = Math.max(-0.01f, Math.min(0.01f, d[i]));
        assertEquals(expected, clipped.get(name)[i], 1e-6, name + "[" + i + "]");
      }
    });
  }

  @Test
  void clipNormRescalesAllGradientsTogether() throws Exception {
    Map<String, float[]> free = oneSgdStepDelta(OptimizerSettings.of(OptimizerType.SGD, 1.0));
    double norm = Math.sqrt(free.values().stream()
        .mapToDouble(d -> { double s = 0; for (float v : d) { s += v * v; } return s; }).sum());
    double limit = norm / 4;
    Map<String, float[]> clipped = oneSgdStepDelta(OptimizerSettings.of(OptimizerType.SGD, 1.0).clipNorm(limit));
    free.forEach((name, d) -> {
      for (int i = 0; i < d.length; i++) {
        assertEquals(d[i] / 4, clipped.get(name)[i], 1e-6, name + "[" + i + "]");
      }
    });
    Map<String, float[]> loose = oneSgdStepDelta(OptimizerSettings.of(OptimizerType.SGD, 1.0).clipNorm(norm * 2));
    free.forEach((name, d) -> assertArrayEquals(d, loose.get(name), 1e-7f, "below the limit nothing changes"));
  }

  @Test
  void adamWDecaysWeightsOnTopOfAdam() throws Exception {
    OptimizerSettings adam = OptimizerSettings.of(OptimizerType.ADAM, 0.01);
    OptimizerSettings adamW = OptimizerSettings.of(OptimizerType.ADAMW, 0.01).weightDecay(0.5);
    float[][] before;
    float[] afterAdam;
    float[] afterAdamW;
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(adam), OPTIONS)) {
      before = new float[][] {Checkpoints.capture(model, Map.of()).values().get("hidden.kernel")};
      model.trainer().fit(TwoBlobsModel.blobs(32, 1), FitOptions.builder().epochs(1).batchSize(32).progressBar(false).build());
      afterAdam = Checkpoints.capture(model, Map.of()).values().get("hidden.kernel");
    }
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(adamW), OPTIONS)) {
      model.trainer().fit(TwoBlobsModel.blobs(32, 1), FitOptions.builder().epochs(1).batchSize(32).progressBar(false).build());
      afterAdamW = Checkpoints.capture(model, Map.of()).values().get("hidden.kernel");
    }
    // One step: AdamW = Adam's update applied to w * (1 - lr * decay).
    for (int i = 0; i < afterAdam.length; i++) {
      float adamStep = afterAdam[i] - before[0][i];
      assertEquals(before[0][i] * (1 - 0.01f * 0.5f) + adamStep, afterAdamW[i], 1e-6, "kernel[" + i + "]");
    }
  }

  @Test
  void aZeroLearningRateScheduleFreezesTheWeights() {
    float[][] probe = {{0.5f, -0.5f}, {1f, 2f}};
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      float[][] before = model.predictor().predict(probe);
      model.trainer().fit(TwoBlobsModel.blobs(100, 1),
          FitOptions.builder().epochs(2).progressBar(false).learningRate(p -> 0.0).build());
      float[][] after = model.predictor().predict(probe);
      for (int i = 0; i < probe.length; i++) {
        assertArrayEquals(before[i], after[i], 0f);
      }
      model.trainer().fit(TwoBlobsModel.blobs(100, 1), FitOptions.builder().epochs(1).progressBar(false).build());
      assertTrue(Math.abs(model.predictor().predict(probe)[0][0] - before[0][0]) > 1e-4,
          "the model's own rate moves them");
    }
  }

  @Test
  void scheduleSeesEveryStepOnceInOrder() {
    Dataset train = TwoBlobsModel.blobs(100, 1); // 4 steps of 32 per epoch (the last has 4 examples)
    java.util.List<LearningRateSchedule.Progress> seen = new java.util.ArrayList<>();
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      model.trainer().fit(train, FitOptions.builder().epochs(3).progressBar(false)
          .learningRate(p -> {
            seen.add(p);
            return p.baseRate();
          }).build());
    }
    assertEquals(12, seen.size());
    for (int i = 0; i < 12; i++) {
      assertEquals(i, seen.get(i).step());
      assertEquals(12, seen.get(i).totalSteps());
      assertEquals(i / 4 + 1, seen.get(i).epoch());
      assertEquals(0.05, seen.get(i).baseRate(), 1e-12);
    }
  }

  @Test
  void cosineDecayFollowsItsFormula() {
    LearningRateSchedule cosine = LearningRateSchedule.cosineDecay(0.1);
    assertEquals(1.0, cosine.rate(new LearningRateSchedule.Progress(0, 101, 1, 1, 1.0)), 1e-12);
    assertEquals(0.55, cosine.rate(new LearningRateSchedule.Progress(50, 101, 1, 1, 1.0)), 1e-12);
    assertEquals(0.1, cosine.rate(new LearningRateSchedule.Progress(100, 101, 1, 1, 1.0)), 1e-12);
    double quarter = 0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * 0.25));
    assertEquals(2 * quarter, cosine.rate(new LearningRateSchedule.Progress(25, 101, 1, 1, 2.0)), 1e-12);
  }
}
