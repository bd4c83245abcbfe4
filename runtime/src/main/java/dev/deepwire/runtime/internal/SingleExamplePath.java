package dev.deepwire.runtime.internal;

/**
 * How {@code Predictor.predict(float[])} runs one example of a one-input, one-output model. Thread-safe;
 * close it before the session it runs on, after which calls fail with "the model was closed".
 */
public interface SingleExamplePath extends AutoCloseable {

  /** The output for {@code example}, which has exactly the input's number of values (the caller checks). */
  float[] predict(float[] example);

  /** Frees what the path holds; calls after this fail. */
  @Override
  void close();
}
