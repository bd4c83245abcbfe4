package dev.deepwire.serving;

/**
 * How concurrent predict requests of one model are merged into one session run.
 *
 * @param maxBatchSize the most examples (rows) in one merged run; 1 or less turns batching off
 * @param batchTimeoutMicros how long the first request of a batch waits for others, at most
 * @param maxQueuedRequests requests waiting for a batch beyond which new ones get 429
 * @param batchThreads threads forming and running batches
 */
public record BatchingConfig(int maxBatchSize, long batchTimeoutMicros, int maxQueuedRequests, int batchThreads) {

  public BatchingConfig {
    if (batchTimeoutMicros < 0 || maxQueuedRequests < 1 || batchThreads < 1) {
      throw new IllegalArgumentException("batching needs batchTimeoutMicros >= 0, maxQueuedRequests >= 1 and"
          + " batchThreads >= 1, got " + batchTimeoutMicros + ", " + maxQueuedRequests + ", " + batchThreads);
    }
  }

  /** No batching: each request runs the session on its own. */
  public static BatchingConfig off() {
    return new BatchingConfig(1, 0, 1, 1);
  }

  /** Batches of up to {@code maxBatchSize} rows, waiting at most {@code timeoutMicros}; a queue of 1000, one thread. */
  public static BatchingConfig of(int maxBatchSize, long timeoutMicros) {
    return new BatchingConfig(maxBatchSize, timeoutMicros, 1000, 1);
  }

  /** These settings with another queue bound. */
  public BatchingConfig withMaxQueuedRequests(int max) {
    return new BatchingConfig(maxBatchSize, batchTimeoutMicros, max, batchThreads);
  }

  /** These settings with another number of batch threads. */
  public BatchingConfig withBatchThreads(int threads) {
    return new BatchingConfig(maxBatchSize, batchTimeoutMicros, maxQueuedRequests, threads);
  }

  /** Whether requests are merged at all. */
  public boolean enabled() {
    return maxBatchSize > 1;
  }
}
