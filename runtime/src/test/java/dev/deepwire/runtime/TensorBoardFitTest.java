package dev.deepwire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.callbacks.TensorBoard;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.tensorboard.EventFiles;
import dev.deepwire.runtime.tensorboard.ModelWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.HistogramProto;
import org.tensorflow.proto.Summary;

/** The TensorBoard callback in a real fit, and driven by hand; the event files are read back and checked. */
class TensorBoardFitTest {

  private static final RuntimeOptions OPTIONS = new RuntimeOptions(7, 2, 1);

  @TempDir Path dir;

  @Test
  void aFitWritesBatchAndEpochScalarsHistogramsAndTheGraph() throws IOException {
    Dataset train = TwoBlobsModel.blobs(96, 1);
    Dataset test = TwoBlobsModel.blobs(40, 2);
    TensorBoard tensorBoard = TensorBoard.builder(dir).updateFreq(2).build();
    History history;
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      history = model.trainer().fit(train, FitOptions.builder().epochs(3).batchSize(32).progressBar(false)
          .validationData(test).callback(tensorBoard).build());
    }
    List<Event> trainEvents = EventFiles.readDir(dir.resolve(TensorBoard.TRAIN));

    Map<Long, Double> epochLoss = scalars(trainEvents, "epoch/loss");
    assertEquals(List.of(1L, 2L, 3L), List.copyOf(epochLoss.keySet()));
    for (EpochResult epoch : history.epochs()) {
      assertEquals(epoch.train().get("loss"), epochLoss.get((long) epoch.epoch()), 1e-6);
      assertEquals(epoch.train().get("accuracy"), scalars(trainEvents, "epoch/accuracy").get((long) epoch.epoch()), 1e-6);
      assertEquals(epoch.train().get("lr"), scalars(trainEvents, "epoch/lr").get((long) epoch.epoch()), 1e-6);
    }
    assertEquals(0.05, scalars(trainEvents, "epoch/lr").get(1L), 1e-7);

    // 3 batches per epoch, 9 global steps; every second step is written
    Map<Long, Double> batchLoss = scalars(trainEvents, "batch/loss");
    assertTrue(batchLoss.size() >= 4 && batchLoss.size() <= 5, batchLoss.toString());
    batchLoss.forEach((step, loss) -> {
      assertEquals(0, step % 2, "step " + step);
      assertTrue(loss > 0 && loss < 5, "loss " + loss);
    });
    assertEquals(batchLoss.keySet(), scalars(trainEvents, "batch/accuracy").keySet());
    assertEquals(batchLoss.keySet(), scalars(trainEvents, "batch/lr").keySet());

    assertEquals(List.of(1L, 2L, 3L), List.copyOf(histograms(trainEvents, "weights/hidden.kernel").keySet()));
    HistogramProto kernel = histograms(trainEvents, "weights/hidden.kernel").get(3L);
    assertEquals(2 * 16, kernel.getNum(), 0);
    assertTrue(kernel.getMax() > kernel.getMin());
    assertTrue(trainEvents.stream().noneMatch(e -> e.getSummary().getValueList().stream()
        .anyMatch(v -> v.getTag().contains("-"))), "optimizer slots are not histogrammed");

    GraphDef graph = GraphDef.parseFrom(trainEvents.stream().filter(e -> !e.getGraphDef().isEmpty())
        .findFirst().orElseThrow().getGraphDef());
    assertTrue(graph.getNodeList().stream().anyMatch(n -> n.getName().equals("hidden.kernel")));

    List<Event> validationEvents = EventFiles.readDir(dir.resolve(TensorBoard.VALIDATION));
    Map<Long, Double> validationLoss = scalars(validationEvents, "epoch/loss");
    assertEquals(3, validationLoss.size());
    assertEquals(history.last().validation().get("loss"), validationLoss.get(3L), 1e-6);
    assertTrue(scalars(validationEvents, "batch/loss").isEmpty());
  }

  @Test
  void drivenByHandItWritesWhatItIsGiven() throws IOException {
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      TrainingContext context = new FakeContext(model);
      TensorBoard tensorBoard = TensorBoard.builder(dir).histogramFreq(2).writeGraph(false).build();
      tensorBoard.onTrainBegin(context);
      tensorBoard.onEpochBegin(context, 1);
      for (long step = 0; step < 5; step++) {
        tensorBoard.onBatchEnd(context, step, Map.of("loss", 1.0 / (step + 1), "lr", 0.01));
      }
      tensorBoard.onEpochEnd(context, new EpochResult(1, Map.of("loss", 0.7, "lr", 0.01), Map.of(), 1));
      tensorBoard.onEpochEnd(context, new EpochResult(2, Map.of("loss", 0.6, "lr", 0.005), Map.of("loss", 0.65), 1));
      History history = new History();
      tensorBoard.onTrainEnd(context, history);

      List<Event> events = EventFiles.readDir(dir.resolve(TensorBoard.TRAIN));
      assertScalars(Map.of(0L, 1.0, 1L, 0.5, 2L, 1.0 / 3, 3L, 0.25, 4L, 0.2), scalars(events, "batch/loss"));
      assertScalars(Map.of(1L, 0.01, 2L, 0.005), scalars(events, "epoch/lr"));
      Map<String, float[]> weights = ModelWeights.read(model);
      assertEquals(List.of("hidden.bias", "hidden.kernel", "label.bias", "label.kernel"), List.copyOf(weights.keySet()));
      for (String name : weights.keySet()) {
        Map<Long, HistogramProto> histograms = histograms(events, "weights/" + name);
        assertEquals(List.of(2L), List.copyOf(histograms.keySet()), name + " only at epoch 2 (histogramFreq 2)");
        assertEquals(weights.get(name).length, histograms.get(2L).getNum(), 0);
      }
      assertTrue(events.stream().allMatch(e -> e.getGraphDef().isEmpty()));
      assertScalars(Map.of(2L, 0.65), scalars(EventFiles.readDir(dir.resolve(TensorBoard.VALIDATION)),
          "epoch/loss"));

      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> tensorBoard.onBatchEnd(context, 9, Map.of("loss", 1.0)));
      assertTrue(e.getMessage().contains("after onTrainEnd"), e.getMessage());
    }
  }

  @Test
  void updateFreqZeroWritesNoBatchScalars() throws IOException {
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), OPTIONS)) {
      TrainingContext context = new FakeContext(model);
      try (TensorBoard tensorBoard = TensorBoard.builder(dir).updateFreq(0).histogramFreq(0).build()) {
        tensorBoard.onTrainBegin(context);
        tensorBoard.onBatchEnd(context, 0, Map.of("loss", 1.0));
        tensorBoard.onEpochEnd(context, new EpochResult(1, Map.of("loss", 0.7), Map.of(), 1));
      }
      List<Event> events = EventFiles.readDir(dir.resolve(TensorBoard.TRAIN));
      assertTrue(scalars(events, "batch/loss").isEmpty());
      assertFalse(scalars(events, "epoch/loss").isEmpty());
      assertTrue(events.stream().noneMatch(ev -> ev.getSummary().getValueList().stream().anyMatch(Summary.Value::hasHisto)));
    }
  }

  @Test
  void badOptionsAreRefusedAtOnce() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TensorBoard.builder(dir).updateFreq(-1));
    assertEquals("updateFreq must be >= 0 (0 = no batch scalars), got -1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TensorBoard.builder(dir).histogramFreq(-2));
  }

  /** Step → simple value of every scalar event with {@code tag}. */
  static Map<Long, Double> scalars(List<Event> events, String tag) {
    Map<Long, Double> values = new TreeMap<>();
    for (Event event : events) {
      for (Summary.Value value : event.getSummary().getValueList()) {
        if (value.getTag().equals(tag) && value.getValueCase() == Summary.Value.ValueCase.SIMPLE_VALUE) {
          values.put(event.getStep(), (double) value.getSimpleValue());
        }
      }
    }
    return values;
  }

  private static Map<Long, HistogramProto> histograms(List<Event> events, String tag) {
    Map<Long, HistogramProto> values = new TreeMap<>();
    for (Event event : events) {
      for (Summary.Value value : event.getSummary().getValueList()) {
        if (value.getTag().equals(tag) && value.hasHisto()) {
          values.put(event.getStep(), value.getHisto());
        }
      }
    }
    return values;
  }

  /** The same steps, and values equal within float precision. */
  private static void assertScalars(Map<Long, Double> expected, Map<Long, Double> actual) {
    assertEquals(new TreeMap<>(expected).keySet(), actual.keySet());
    expected.forEach((step, value) -> assertEquals(value, actual.get(step), 1e-6, "step " + step));
  }

  /** A context with a real model and nothing else, for driving a callback by hand. */
  static final class FakeContext implements TrainingContext {
    private final CompiledModel<?> model;
    private boolean stop;
    private double scale = 1;

    FakeContext(CompiledModel<?> model) {
      this.model = model;
    }

    @Override
    public CompiledModel<?> model() {
      return model;
    }

    @Override
    public FitOptions options() {
      return FitOptions.builder().build();
    }

    @Override
    public void stopTraining() {
      stop = true;
    }

    @Override
    public boolean stopRequested() {
      return stop;
    }

    @Override
    public void scaleLearningRate(double factor) {
      scale *= factor;
    }

    @Override
    public double learningRateScale() {
      return scale;
    }
  }
}
