package dev.deepwire.runtime.diagnostics;

import org.bytedeco.javacpp.Pointer;

/**
 * Counts the native objects TensorFlow Java holds open (tensors, results, buffers: every JavaCPP pointer whose
 * deallocator has not run yet) and fails code that leaves more of them alive than it found.
 *
 * <pre>{@code
 * NativeLeaks.assertNoLeak("predict", 100, () -> predictor.predict(example));
 * }</pre>
 *
 * <p>An unclosed {@code Tensor} or {@code Result} is freed only if the garbage collector happens to find it; this
 * check sees it at once, since a closed object leaves the count as soon as it is closed.
 */
public final class NativeLeaks {

  /** Code that may throw. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  private NativeLeaks() {}

  /** The native objects alive now. */
  public static long live() {
    return Pointer.totalCount();
  }

  /**
   * Runs {@code action} once to warm caches, then {@code times} more, and fails if the count of live native
   * objects grew.
   *
   * @throws AssertionError naming {@code what} and how many objects were left per run
   */
  public static void assertNoLeak(String what, int times, Action action) throws Exception {
    action.run();
    long before = live();
    for (int i = 0; i < times; i++) {
      action.run();
    }
    long leaked = live() - before;
    if (leaked > 0) {
      throw new AssertionError(what + " left " + leaked + " native objects open over " + times + " runs ("
          + String.format(java.util.Locale.ROOT, "%.2f", leaked / (double) times)
          + " a run): close every Tensor, Result and Session in a try-with-resources");
    }
  }
}
