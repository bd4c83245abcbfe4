package dev.deepwire.examples;

import dev.deepwire.runtime.EpochListener;
import dev.deepwire.runtime.EpochResult;
import java.io.PrintStream;
import java.util.Map;

/** Prints one line per epoch: {@code epoch 3/10  loss 0.4100 accuracy 0.8512 | val ... (1.2 s)}. */
final class EpochLines {

  private EpochLines() {}

  static EpochListener to(PrintStream out, int epochs) {
    return (EpochResult r) -> out.printf("epoch %d/%d  %s%s  (%.1f s)%n", r.epoch(), epochs, format(r.train()),
        r.validation().isEmpty() ? "" : " | val " + format(r.validation()), r.seconds());
  }

  private static String format(Map<String, Double> metrics) {
    StringBuilder line = new StringBuilder();
    metrics.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(e.getKey()).append(' ').append(String.format("%.4f", e.getValue()));
    });
    return line.toString();
  }
}
