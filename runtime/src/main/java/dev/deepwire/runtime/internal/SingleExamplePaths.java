package dev.deepwire.runtime.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * Chooses the single-example path of a model: the raw C-API runner when the session's native handle can be
 * read, else the {@code Session.Runner} pool (slower, but only public TensorFlow Java API).
 */
public final class SingleExamplePaths {

  private static final Logger log = LoggerFactory.getLogger(SingleExamplePaths.class);

  private SingleExamplePaths() {}

  /**
   * The fastest path that works for {@code input} → {@code output} on {@code session}.
   *
   * @param outputWidth values per example of {@code output}
   */
  public static SingleExamplePath open(Session session, Operand<?> input, Operand<TFloat32> output,
      int outputWidth) {
    return open(new NativeSessionHandle(), session, input, output, outputWidth);
  }

  static SingleExamplePath open(NativeSessionHandle handles, Session session, Operand<?> input,
      Operand<TFloat32> output, int outputWidth) {
    try {
      return RawSingleExampleRunner.open(handles, session, input, output, outputWidth, true);
    } catch (UnsupportedOperationException e) {
      log.warn("single-example predictions use Session.Runner, about 25 us slower a call: {}", e.getMessage());
      return new SingleExampleRunner(session, input, output, outputWidth);
    }
  }
}
