package dev.deepwire.examples;

import dev.deepwire.examples.dnn.DnnExample;
import dev.deepwire.examples.regression.RegressionExample;
import java.util.List;
import java.util.Optional;

/** Every example the command line knows, in {@code list} order. */
public final class Examples {

  private static final List<Example> ALL = List.of(new DnnExample(), new RegressionExample());

  private Examples() {}

  public static List<Example> all() {
    return ALL;
  }

  /** The example called {@code name}, if any. */
  public static Optional<Example> named(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
