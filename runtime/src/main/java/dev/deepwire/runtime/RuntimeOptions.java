package dev.deepwire.runtime;

/**
 * How the runtime builds and runs models.
 *
 * @param seed seeds weight initialisation, dropout and shuffling: equal seeds give equal runs
 * @param intraOpThreads threads inside one TF op; the number of cores is best
 * @param interOpThreads ops run side by side; 1 suits the small graphs of one model
 */
public record RuntimeOptions(long seed, int intraOpThreads, int interOpThreads) {

  public RuntimeOptions {
    if (intraOpThreads < 1 || interOpThreads < 1) {
      throw new IllegalArgumentException("thread counts must be >= 1");
    }
  }

  /** Seed 42, one intra-op thread per core, one inter-op thread. */
  public static RuntimeOptions defaults() {
    return new RuntimeOptions(42, Runtime.getRuntime().availableProcessors(), 1);
  }

  /** These options with another seed. */
  public RuntimeOptions withSeed(long newSeed) {
    return new RuntimeOptions(newSeed, intraOpThreads, interOpThreads);
  }
}
