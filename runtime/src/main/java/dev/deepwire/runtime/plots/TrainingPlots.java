package dev.deepwire.runtime.plots;

import dev.deepwire.runtime.EpochResult;
import dev.deepwire.runtime.History;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plots a training {@link History}: {@code loss.png} (train and validation), one {@code <metric>.png} per
 * other figure (e.g. {@code accuracy.png}), and {@code lr.png} when the epochs report a learning rate.
 */
public final class TrainingPlots {

  /** The learning-rate key of the epoch figures; plotted for training only. */
  public static final String LEARNING_RATE = "lr";

  private TrainingPlots() {}

  /** Writes the PNGs into {@code dir} and returns them, loss first; none for an empty history. */
  public static List<Path> write(Path dir, History history) throws IOException {
    List<EpochResult> epochs = history.epochs();
    List<Path> written = new ArrayList<>();
    if (epochs.isEmpty()) {
      return written;
    }
    double[] x = epochs.stream().mapToDouble(EpochResult::epoch).toArray();
    for (String name : names(epochs)) {
      Map<String, double[]> curves = new LinkedHashMap<>();
      double[] train = series(epochs, name, false);
      if (allFinite(train)) {
        curves.put("train", train);
      }
      double[] validation = series(epochs, name, true);
      if (!name.equals(LEARNING_RATE) && allFinite(validation)) {
        curves.put("validation", validation);
      }
      if (curves.isEmpty()) {
        continue;
      }
      Path png = dir.resolve(fileName(name));
      String title = name.equals(LEARNING_RATE) ? "learning rate" : name;
      CurvePlot.write(png, title, "epoch", title, x, curves);
      written.add(png);
    }
    return written;
  }

  /** The file a figure is plotted into: its name with characters other than letters, digits, . _ - as _. */
  public static String fileName(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
  }

  /** Every figure name: loss first, the others sorted, lr last. */
  private static Set<String> names(List<EpochResult> epochs) {
    Set<String> sorted = new TreeSet<>();
    for (EpochResult epoch : epochs) {
      sorted.addAll(epoch.train().keySet());
      sorted.addAll(epoch.validation().keySet());
    }
    sorted.remove("loss");
    sorted.remove(LEARNING_RATE);
    Set<String> names = new LinkedHashSet<>();
    names.add("loss");
    names.addAll(sorted);
    names.add(LEARNING_RATE);
    return names;
  }

  private static double[] series(List<EpochResult> epochs, String name, boolean validation) {
    return epochs.stream()
        .mapToDouble(e -> (validation ? e.validation() : e.train()).getOrDefault(name, Double.NaN))
        .toArray();
  }

  private static boolean allFinite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
