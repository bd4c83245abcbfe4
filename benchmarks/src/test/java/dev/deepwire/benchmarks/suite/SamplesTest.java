package dev.deepwire.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

  @Test
  void quantilesInterpolateBetweenSortedNeighbours() {
    List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0);
    assertEquals(3.0, Samples.median(values));
    assertEquals(1.4, Samples.quantile(values, 0.1), 1e-12);
    assertEquals(4.6, Samples.quantile(values, 0.9), 1e-12);
    assertEquals(2.5, Samples.median(List.of(3.0, 2.0)));
    assertEquals(1.0, Samples.min(values));
    assertEquals(5.0, Samples.max(values));
  }
}
