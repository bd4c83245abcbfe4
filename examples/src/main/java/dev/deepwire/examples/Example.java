package dev.deepwire.examples;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** One runnable example of the command line: a model, its data and the figures it reports. */
public interface Example {

  /** The name on the command line, e.g. {@code dnn}. */
  String name();

  /** One line for {@code list}. */
  String description();

  /** Epochs when {@code --epochs} is not given. */
  int defaultEpochs();

  /** Batch size when {@code --batch} is not given. */
  int defaultBatchSize();

  /**
   * Trains on the training split, evaluates on the test split and saves the weights under
   * {@code settings.out()}.
   *
   * @return the report: at least {@code example}, {@code epochs}, {@code train_seconds},
   *     {@code examples_per_second} and the test metrics
   */
  Map<String, Object> train(RunSettings settings) throws IOException;

  /** Restores the weights saved by {@link #train} and evaluates them on the test split. */
  Map<String, Object> evaluate(RunSettings settings) throws IOException;

  /** Restores the saved weights and describes the predictions for the first {@code count} test examples. */
  List<String> predict(RunSettings settings, int count) throws IOException;

  /**
   * Restores the saved weights and answers for a text of the user's ({@code predict <example> --text ...}).
   *
   * @throws IllegalArgumentException when the example takes no text
   */
  default List<String> predictText(RunSettings settings, String text) throws IOException {
    throw new IllegalArgumentException("example '" + name() + "' takes no --text; try `predict " + name()
        + " --count 10`");
  }
}
