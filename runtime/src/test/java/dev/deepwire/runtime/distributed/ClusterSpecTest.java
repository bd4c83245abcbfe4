package dev.deepwire.runtime.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.ClusterDef;

class ClusterSpecTest {

  @Test
  void parsesTheCommandLineFormAndWritesItBack() {
    String text = "ps=127.0.0.1:2222;worker=127.0.0.1:2223,127.0.0.1:2224";
    ClusterSpec cluster = ClusterSpec.parse(text);
    assertEquals(List.of("127.0.0.1:2222"), cluster.parameterServers());
    assertEquals(List.of("127.0.0.1:2223", "127.0.0.1:2224"), cluster.workers());
    assertEquals(text, cluster.toString());
    assertEquals("127.0.0.1:2224", cluster.address(TaskId.parse("worker:1")));
    ClusterDef def = cluster.toClusterDef();
    assertEquals("worker", def.getJob(1).getName());
    assertEquals("127.0.0.1:2224", def.getJob(1).getTasksMap().get(1));
  }

  @Test
  void namesWhatIsWrong() {
    assertEquals("cluster 'ps=h:1;chief=h:2': expected 'ps=HOST:PORT,...;worker=HOST:PORT,...', found 'chief=h:2'",
        assertThrows(IllegalArgumentException.class, () -> ClusterSpec.parse("ps=h:1;chief=h:2")).getMessage());
    assertEquals("cluster 'ps=h;worker=h:2': 'h' is not HOST:PORT",
        assertThrows(IllegalArgumentException.class, () -> ClusterSpec.parse("ps=h;worker=h:2")).getMessage());
    assertEquals("a cluster needs at least one ps and one worker task, got [] and [h:2]",
        assertThrows(IllegalArgumentException.class, () -> ClusterSpec.parse("worker=h:2")).getMessage());
    assertEquals("task 'worker': expected ps:N or worker:N",
        assertThrows(IllegalArgumentException.class, () -> TaskId.parse("worker")).getMessage());
    assertEquals("task worker:2 is not in the cluster ps=h:1;worker=h:2",
        assertThrows(IllegalArgumentException.class,
            () -> ClusterSpec.parse("ps=h:1;worker=h:2").address(TaskId.worker(2))).getMessage());
  }

  @Test
  void onlyWorkerZeroIsTheChief() {
    assertTrue(TaskId.parse("worker:0").isChief());
    assertFalse(TaskId.parse("worker:1").isChief());
    assertFalse(TaskId.parse("ps:0").isChief());
    assertEquals("/job:ps/task:1", TaskId.ps(1).device().toString());
  }

  @Test
  void placesRoundRobinOrByLoad() {
    ParameterServerPlacement roundRobin = new ParameterServerPlacement(2, ParameterServerPlacement.Strategy.ROUND_ROBIN);
    ParameterServerPlacement bySize = new ParameterServerPlacement(2, ParameterServerPlacement.Strategy.BY_SIZE);
    for (ParameterServerPlacement placement : List.of(roundRobin, bySize)) {
      placement.assign("hidden.kernel", Shape.of(784, 256));
      placement.assign("hidden.bias", Shape.of(256));
      placement.assign("label.kernel", Shape.of(256, 10));
      placement.assign("label.bias", Shape.of(10));
      assertEquals(placement.tasks().get("hidden.bias"), placement.assign("hidden.bias", Shape.of(256)), "stable");
    }
    assertEquals(Map.of("hidden.kernel", 0, "hidden.bias", 1, "label.kernel", 0, "label.bias", 1), roundRobin.tasks());
    // By size the big kernel gets a task of its own and the small variables share the other.
    assertEquals(Map.of("hidden.kernel", 0, "hidden.bias", 1, "label.kernel", 1, "label.bias", 1), bySize.tasks());
    assertEquals(784 * 256, bySize.load()[0]);
  }
}
