package dev.deepwire.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.runtime.callbacks.CsvLogger;
import dev.deepwire.runtime.callbacks.EarlyStopping;
import dev.deepwire.runtime.callbacks.ModelCheckpoint;
import dev.deepwire.runtime.callbacks.ReduceLrOnPlateau;
import dev.deepwire.runtime.callbacks.TerminateOnNaN;
import dev.deepwire.runtime.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbacksTest {

  private static final RuntimeOptions OPTIONS = new RuntimeOptions(5, 2, 1);
  private static final float[][] PROBE = {{0.2f, -0.4f}, {1.5f, 0.5f}};

  private static FitOptions.Builder fit(int epochs) {
    return FitOptions.builder().epochs(epochs).batchSize(32).progressBar(false)
        .validationData(TwoBlobsModel.blobs(100, 9));
  }

  @Test
  void earlyStoppingStopsWhenNothingImproves() {
    EarlyStopping stopping = EarlyStopping.on("val_loss").patience(1);
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      // A zero rate freezes the weights: epoch 1 sets the best, 2 and 3 do not beat it.
      History history = model.trainer().fit(TwoBlobsModel.blobs(100, 1),
          fit(10).learningRate(p -> 0.0).callback(stopping).build());
      assertEquals(3, history.epochs().size());
      assertEquals(1, stopping.bestEpoch());
      assertEquals(3, stopping.stoppedEpoch());
    }
  }

  @Test
  void earlyStoppingPutsBackTheBestEpochsWeights() {
    List<float[][]> predictionsPerEpoch = new ArrayList<>();
    TrainingCallback recorder = new TrainingCallback() {
      @Override
      public void onEpochEnd(TrainingContext context, EpochResult result) {
        predictionsPerEpoch.add(((CompiledModel<?>) context.model()).predictor().predict(PROBE));
      }
    };
    EarlyStopping stopping = EarlyStopping.on("val_accuracy").patience(0).minDelta(1.0).restoreBestWeights();
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      // minDelta 1.0 on an accuracy: only the first epoch can count as an improvement.
      model.trainer().fit(TwoBlobsModel.blobs(200, 1), fit(5).callback(recorder).callback(stopping).build());
      assertEquals(1, stopping.bestEpoch());
      assertEquals(2, predictionsPerEpoch.size(), "stopped after epoch 2");
      float[][] now = model.predictor().predict(PROBE);
      assertArrayEquals(predictionsPerEpoch.get(0)[0], now[0], 0f, "epoch 1's weights are back");
      assertTrue(Math.abs(predictionsPerEpoch.get(1)[0][0] - now[0][0]) > 0, "epoch 2 had moved them");
    }
  }

  @Test
  void monitoringAFigureThatIsNotReportedSaysWhatIs() {
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      var e = assertThrows(IllegalStateException.class, () -> model.trainer().fit(TwoBlobsModel.blobs(64, 1),
          FitOptions.builder().epochs(2).progressBar(false).callback(EarlyStopping.on("val_loss")).build()));
      assertTrue(e.getMessage().startsWith("cannot monitor 'val_loss': epoch 1 reports [loss, accuracy, lr] and no "
          + "validation"), e.getMessage());
    }
  }

  @Test
  void modelCheckpointBestOnlyKeepsTheBestEpoch(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("best.dwckpt");
    List<Double> validationLoss = new ArrayList<>();
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      History history = model.trainer().fit(TwoBlobsModel.blobs(200, 1),
          fit(4).callback(ModelCheckpoint.bestOnly(file, "val_loss")).build());
      history.epochs().forEach(e -> validationLoss.add(e.validation().get("loss")));
    }
    int best = 1;
    for (int i = 1; i < validationLoss.size(); i++) {
      if (validationLoss.get(i) < validationLoss.get(best - 1)) {
        best = i + 1;
      }
    }
    assertEquals(best, Checkpoints.read(file).epoch());
  }

  @Test
  void terminateOnNaNNamesTheStepAndTheLoss() {
    try (CompiledModel<TwoBlobsModel> model =
        CompiledModel.compile(new TwoBlobsModel(OptimizerType.SGD, 1e30), OPTIONS)) {
      var e = assertThrows(TerminateOnNaN.DivergedException.class, () -> model.trainer().fit(
          TwoBlobsModel.blobs(200, 1), fit(3).callback(new TerminateOnNaN()).build()));
      assertTrue(e.getMessage().matches("training diverged at step \\d+: loss is (NaN|Infinity) \\(learning rate 1\\.0E30\\);"
          + " lower the learning rate or clip gradients"), e.getMessage());
    }
  }

  @Test
  void csvLoggerWritesAHeaderAndARowPerEpoch(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("log.csv");
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      History history = model.trainer().fit(TwoBlobsModel.blobs(100, 1), fit(3).callback(new CsvLogger(csv)).build());
      List<String> lines = Files.readAllLines(csv);
      assertEquals(4, lines.size());
      assertEquals("epoch,accuracy,loss,lr,val_accuracy,val_loss", lines.get(0));
      String[] third = lines.get(3).split(",");
      assertEquals("3", third[0]);
      assertEquals(history.epochs().get(2).train().get("loss"), Double.parseDouble(third[2]), 1e-12);
    }
  }

  @Test
  void reduceLrOnPlateauHalvesTheScaleAfterPatience() {
    List<Double> scales = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    TrainingCallback recorder = new TrainingCallback() {
      @Override
      public void onEpochEnd(TrainingContext context, EpochResult result) {
        scales.add(context.learningRateScale());
        rates.add(result.train().get("lr"));
      }
    };
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      // Rate 0 for the weights (nothing improves) but the scale is still applied to the schedule's rate.
      model.trainer().fit(TwoBlobsModel.blobs(64, 1), fit(5)
          .learningRate(p -> p.epoch() >= 1 ? 0.0 : 1.0)
          .callback(ReduceLrOnPlateau.on("val_loss").patience(2).factor(0.5))
          .callback(recorder).build());
    }
    // Best at epoch 1; no improvement at 2 and 3 → halved at 3; at 4 and 5 → halved again at 5.
    assertEquals(List.of(1.0, 1.0, 0.5, 0.5, 0.25), scales);
  }

  @Test
  void batchLogsCarryTheLossAndTheRateOfEveryStep() {
    List<Map<String, Double>> logs = new ArrayList<>();
    TrainingCallback recorder = new TrainingCallback() {
      @Override
      public void onBatchEnd(TrainingContext context, long step, Map<String, Double> batch) {
        logs.add(Map.copyOf(batch));
      }
    };
    Dataset data = TwoBlobsModel.blobs(64, 1);
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      model.trainer().fit(data, FitOptions.builder().epochs(2).batchSize(32).progressBar(false)
          .learningRate(p -> 0.01 * (p.step() + 1)).callback(recorder).build());
    }
    assertEquals(4, logs.size());
    for (int i = 0; i < 4; i++) {
      assertEquals(0.01 * (i + 1), logs.get(i).get("lr"), 1e-12);
      assertTrue(logs.get(i).get("loss") > 0);
      assertTrue(logs.get(i).containsKey("accuracy"));
    }
  }

  @Test
  void schedulesFollowTheirFormulas() {
    LearningRateSchedule step = LearningRateSchedule.stepDecay(2, 0.5);
    assertEquals(1.0, step.rate(new LearningRateSchedule.Progress(0, 100, 1, 6, 1.0)), 1e-12);
    assertEquals(1.0, step.rate(new LearningRateSchedule.Progress(0, 100, 2, 6, 1.0)), 1e-12);
    assertEquals(0.5, step.rate(new LearningRateSchedule.Progress(0, 100, 3, 6, 1.0)), 1e-12);
    assertEquals(0.25, step.rate(new LearningRateSchedule.Progress(0, 100, 5, 6, 1.0)), 1e-12);
    LearningRateSchedule exponential = LearningRateSchedule.exponential(0.5, 10);
    assertEquals(2 * Math.pow(0.5, 2.5), exponential.rate(new LearningRateSchedule.Progress(25, 100, 1, 1, 2.0)), 1e-12);
    LearningRateSchedule warmup = LearningRateSchedule.warmupCosine(10, 0.0);
    assertEquals(0.1, warmup.rate(new LearningRateSchedule.Progress(0, 110, 1, 1, 1.0)), 1e-12);
    assertEquals(1.0, warmup.rate(new LearningRateSchedule.Progress(9, 110, 1, 1, 1.0)), 1e-12);
    assertEquals(1.0, warmup.rate(new LearningRateSchedule.Progress(10, 110, 1, 1, 1.0)), 1e-12);
    assertEquals(0.5, warmup.rate(new LearningRateSchedule.Progress(10 + 50, 110, 1, 1, 1.0)), 1e-2);
    assertEquals(0.0, warmup.rate(new LearningRateSchedule.Progress(109, 110, 1, 1, 1.0)), 1e-12);
  }
}
