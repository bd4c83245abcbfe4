package dev.deepwire.runtime.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.HistogramProto;
import org.tensorflow.proto.Summary;

class SummaryFileWriterTest {

  @TempDir Path dir;

  @Test
  void scalarsComeBackInOrderWithTheirStepsAndValues() throws IOException {
    int n = 2 * SummaryFileWriter.SLOTS + 7;   // three batched runs, the last one partial
    try (SummaryFileWriter writer = SummaryFileWriter.open(dir.resolve("run"))) {
      for (int i = 0; i < n; i++) {
        writer.scalar(i % 2 == 0 ? "batch/loss" : "batch/lr", i, 0.25 * i);
      }
    }
    List<Event> events = EventFiles.readDir(dir.resolve("run"));
    assertEquals("brain.Event:2", events.get(0).getFileVersion());
    List<Event> scalars = events.stream().filter(Event::hasSummary).toList();
    assertEquals(n, scalars.size());
    for (int i = 0; i < n; i++) {
      Summary.Value value = scalars.get(i).getSummary().getValue(0);
      assertEquals(i, scalars.get(i).getStep());
      assertEquals(i % 2 == 0 ? "batch/loss" : "batch/lr", value.getTag());
      assertEquals(0.25 * i, value.getSimpleValue(), 1e-6);
    }
  }

  @Test
  void histogramsSummarizeTheValues() throws IOException {
    try (SummaryFileWriter writer = SummaryFileWriter.open(dir)) {
      writer.histogram("weights/dense.kernel", 3, new float[] {1, 2, 3, 4, -2});
    }
    Event event = EventFiles.readDir(dir).stream().filter(Event::hasSummary).findFirst().orElseThrow();
    assertEquals(3, event.getStep());
    Summary.Value value = event.getSummary().getValue(0);
    assertEquals("weights/dense.kernel", value.getTag());
    HistogramProto histogram = value.getHisto();
    assertEquals(5, histogram.getNum(), 0);
    assertEquals(8, histogram.getSum(), 1e-6);
    assertEquals(-2, histogram.getMin(), 0);
    assertEquals(4, histogram.getMax(), 0);
    assertEquals(5, histogram.getBucketList().stream().mapToDouble(Double::doubleValue).sum(), 0);
  }

  @Test
  void theGraphComesBackAsAGraphDef() throws IOException {
    byte[] serialized;
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      tf.withName("answer").constant(42f);
      serialized = graph.toGraphDef().toByteArray();
    }
    try (SummaryFileWriter writer = SummaryFileWriter.open(dir)) {
      writer.graph(0, serialized);
    }
    Event event = EventFiles.readDir(dir).stream().filter(e -> !e.getGraphDef().isEmpty()).findFirst()
        .orElseThrow();
    GraphDef graphDef = GraphDef.parseFrom(event.getGraphDef());
    assertTrue(graphDef.getNodeList().stream().anyMatch(node -> node.getName().equals("answer")),
        graphDef.getNodeList().stream().map(node -> node.getName()).collect(Collectors.joining(", ")));
  }

  @Test
  void flushMakesEventsVisibleBeforeClose() throws IOException {
    try (SummaryFileWriter writer = SummaryFileWriter.open(dir)) {
      writer.scalar("epoch/loss", 1, 0.5);
      writer.flush();
      assertEquals(1, EventFiles.readDir(dir).stream().filter(Event::hasSummary).count());
    }
  }

  @Test
  void aClosedWriterRefusesWrites() {
    SummaryFileWriter writer = SummaryFileWriter.open(dir);
    writer.close();
    writer.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer.scalar("x", 0, 1));
    assertTrue(e.getMessage().contains("is closed"), e.getMessage());
  }
}
