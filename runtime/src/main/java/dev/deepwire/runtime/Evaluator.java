package dev.deepwire.runtime;

import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.internal.DataPass;
import java.util.Map;

/**
 * Measures a model's loss and metrics on a data set, in inference mode (no dropout).
 *
 * @param <M> the annotated model class
 */
public final class Evaluator<M> {

  private static final int DEFAULT_BATCH = 256;

  private final CompiledModel<M> model;

  Evaluator(CompiledModel<M> model) {
    this.model = model;
  }

  /** Loss and metrics over all of {@code data}, e.g. {@code {loss=0.31, accuracy=0.89}}. */
  public Map<String, Double> evaluate(Dataset data) {
    return evaluate(data, DEFAULT_BATCH);
  }

  /** Like {@link #evaluate(Dataset)} with a chosen batch size. */
  public Map<String, Double> evaluate(Dataset data, int batchSize) {
    if (!model.signature().trainable()) {
      throw new IllegalStateException(model.signature().name() + " has no loss to evaluate");
    }
    return DataPass.evaluate(model.session(), model.ops(), model.signature(), data, batchSize);
  }
}
