package dev.deepwire.runtime;

import static dev.deepwire.runtime.plots.PngAssertions.assertNonTrivialPng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.callbacks.PlotCurves;
import dev.deepwire.runtime.plots.TrainingPlots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PlotCurves callback in a real fit, and on a hand-made history. */
class PlotCurvesFitTest {

  @TempDir Path dir;

  @Test
  void aFitLeavesLossAccuracyAndLearningRatePlots() throws IOException {
    PlotCurves plots = new PlotCurves(dir.resolve("run"));
    try (CompiledModel<TwoBlobsModel> model =
        CompiledModel.compile(new TwoBlobsModel(), new RuntimeOptions(7, 2, 1))) {
      model.trainer().fit(TwoBlobsModel.blobs(96, 1), FitOptions.builder().epochs(4).batchSize(32)
          .progressBar(false).validationData(TwoBlobsModel.blobs(40, 2)).callback(plots).build());
    }
    Path run = dir.resolve("run");
    assertEquals(List.of(run.resolve("loss.png"), run.resolve("accuracy.png"), run.resolve("lr.png")),
        plots.written());
    for (Path png : plots.written()) {
      assertNonTrivialPng(png, 10_000);
    }
  }

  @Test
  void metricsOfSeveralOutputsGetSafeFileNamesAndMissingValidationIsLeftOut() throws IOException {
    History history = new History();
    history.add(new EpochResult(3, Map.of("loss", 1.0, "price/mae", 0.5), Map.of(), 1));
    history.add(new EpochResult(4, Map.of("loss", 0.8, "price/mae", 0.4), Map.of(), 1));
    List<Path> written = TrainingPlots.write(dir, history);
    assertEquals(List.of(dir.resolve("loss.png"), dir.resolve("price_mae.png")), written);
    for (Path png : written) {
      assertNonTrivialPng(png, 5_000);
    }
  }

  @Test
  void anEmptyHistoryPlotsNothing() throws IOException {
    new PlotCurves(dir).onTrainEnd(null, new History());
    try (var files = Files.list(dir)) {
      assertTrue(files.findAny().isEmpty());
    }
  }
}
