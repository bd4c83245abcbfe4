package dev.deepwire.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.diagnostics.NativeLeaks;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The raw path deletes every output tensor TensorFlow makes. JavaCPP's count cannot see those (they carry no
 * Java deallocator), so this watches resident memory, in a child JVM whose heap is capped: in this JVM the heap
 * grows with the calls' garbage by more than a leak would add.
 */
class RawSingleExampleRunnerMemoryTest {

  private static final int CALLS = 200_000;

  /** 1 KiB of output a call: leaking the output tensors would add more than 200 MB over the calls. */
  private static final int OUTPUTS = 256;

  private static final long MAX_GROWTH_KIB = 16 * 1024;

  @Test
  void twoHundredThousandCallsKeepResidentMemoryFlat() throws Exception {
    String[] fields = CappedHeapChild.lastLine(Child.class);
    String report = String.join(" ", fields);
    long growth = Long.parseLong(fields[1]) - Long.parseLong(fields[0]);
    assertTrue(growth < MAX_GROWTH_KIB, "RSS grew " + growth + " KiB over " + CALLS + " calls: " + report);
    assertEquals("0", fields[2], "JavaCPP objects left open: " + report);
  }

  /** Prints the RSS in KiB after a warm-up, after {@link #CALLS} more calls, and the JavaCPP objects left. */
  public static final class Child {
    public static void main(String[] args) throws IOException {
      try (TinyGraph model = TinyGraph.floats(8, OUTPUTS);
           RawSingleExampleRunner raw = RawSingleExampleRunner.open(model.session, model.input, model.output,
               OUTPUTS, true)) {
        float[] example = model.example(1, false);
        float sum = 0;
        for (int i = 0; i < 20_000; i++) { // warm-up: executor, JIT, heap at its working size
          sum += raw.predict(example)[i % OUTPUTS];
        }
        long objects = NativeLeaks.live();
        long warm = CappedHeapChild.rssKib();
        for (int i = 0; i < CALLS; i++) {
          sum += raw.predict(example)[i % OUTPUTS];
        }
        long after = CappedHeapChild.rssKib();
        System.out.println(warm + " " + after + " " + (NativeLeaks.live() - objects) + " " + (sum > 0));
      }
    }
  }
}
