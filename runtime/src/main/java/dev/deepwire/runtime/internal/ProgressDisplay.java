package dev.deepwire.runtime.internal;

import java.util.Map;
import java.util.StringJoiner;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar for one epoch, on standard error, showing the running loss and metrics. */
public final class ProgressDisplay implements AutoCloseable {

  private final ProgressBar bar;

  /** A bar over {@code examples} examples, titled e.g. {@code epoch 3/10}. */
  public ProgressDisplay(String title, long examples) {
    this.bar = new ProgressBarBuilder()
        .setTaskName(title)
        .setInitialMax(examples)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(500)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUnit(" ex", 1)
        .hideEta()
        .build();
  }

  /** Advances by {@code examples} and shows {@code metrics}. */
  public void advance(int examples, Map<String, Double> metrics) {
    bar.stepBy(examples);
    bar.setExtraMessage(format(metrics));
  }

  /** Whether a person is watching: a bar on a pipe or a log file is only noise. */
  public static boolean interactive() {
    return System.console() != null;
  }

  /** {@code loss 0.431 acc 0.871 lr 9.6e-04}: short, so the bar still shows on an 80-column terminal. */
  public static String format(Map<String, Double> metrics) {
    StringJoiner line = new StringJoiner(" ");
    metrics.forEach((name, value) -> line.add(name.replace("accuracy", "acc") + " "
        + (name.equals("lr") ? String.format("%.1e", value) : String.format("%.3f", value))));
    return line.toString();
  }

  @Override
  public void close() {
    bar.close();
  }
}
