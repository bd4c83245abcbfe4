package dev.deepwire.serving.internal;

import dev.deepwire.serving.BatchingConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Merges concurrent requests of one signature into one session run: a batch closes when it holds
 * {@code maxBatchSize} rows, when its first request has waited {@code batchTimeoutMicros}, or at once
 * when no other request is on its way (the shared {@code expected} counter says how many are being read).
 * A request alone (nothing queued, running or being read) runs on its own thread instead, sparing the two
 * thread hand-offs. A full queue refuses with 429.
 */
public final class Batcher implements AutoCloseable {

  private final String model;
  private final BatchingConfig config;
  private final SignatureRunner runner;
  private final IntConsumer batchSizes;
  private final BlockingQueue<Task> queue;
  private final AtomicInteger expected;
  private final List<Thread> threads = new ArrayList<>();
  /** Batches being run by the batch threads. */
  private final AtomicInteger running = new AtomicInteger();
  /** Whether a request runs on its own thread, claimed by {@link #claimAlone()}. */
  private final AtomicBoolean alone = new AtomicBoolean();
  private volatile boolean closed;

  /** A request waiting for its batch. */
  private record Task(Map<String, TensorValue> inputs, int rows, long enqueued,
      CompletableFuture<Map<String, TensorValue>> result) {}

  /**
   * @param expected requests of this model being read, which a batch waits for
   * @param batchSizes told the row count of every batch run
   */
  public Batcher(String model, BatchingConfig config, SignatureRunner runner, AtomicInteger expected,
      IntConsumer batchSizes) {
    this.expected = expected;
    this.model = model;
    this.config = config;
    this.runner = runner;
    this.batchSizes = batchSizes;
    this.queue = new ArrayBlockingQueue<>(config.maxQueuedRequests());
    for (int i = 0; i < config.batchThreads(); i++) {
      Thread thread = new Thread(this::work, "deepwire-batch-" + model + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /**
   * Queues a request; its outputs complete the future.
   *
   * @throws ServingError 429 when the queue is full
   */
  public CompletableFuture<Map<String, TensorValue>> submit(Map<String, TensorValue> inputs, int rows) {
    Task task = new Task(inputs, rows, System.nanoTime(), new CompletableFuture<>());
    boolean queued = !closed && queue.offer(task);
    if (!queued) {
      throw closed ? ServingError.unavailable("model '" + model + "' is being unloaded")
          : ServingError.overloaded("The batch scheduling queue of model '" + model + "' is full ("
              + config.maxQueuedRequests() + " requests waiting); retry later");
    }
    return task.result();
  }

  /**
   * Claims a run of one request on the caller's thread, when it is the only request about: none queued, no
   * batch running, none other being read ({@code expected} counts the caller) and no other such run. It saves
   * the two thread hand-offs of a batch that could not have held more. Follow a claim with {@link #runAlone}.
   */
  public boolean claimAlone() {
    return !closed && queue.isEmpty() && running.get() == 0 && expected.get() <= 1 && alone.compareAndSet(false, true);
  }

  /** Runs a request on the caller's thread after {@link #claimAlone()}, as a batch of its own. */
  public Map<String, TensorValue> runAlone(Map<String, TensorValue> inputs, int rows) {
    try {
      batchSizes.accept(rows);
      return runner.run(inputs);
    } finally {
      alone.set(false);
    }
  }

  private void work() {
    Task carried = null;
    List<Task> batch = new ArrayList<>();
    while (!closed) {
      try {
        Task first = carried != null ? carried : queue.poll(100, TimeUnit.MILLISECONDS);
        carried = null;
        if (first == null) {
          continue;
        }
        batch.add(first);
        int rows = first.rows();
        long deadline = first.enqueued() + config.batchTimeoutMicros() * 1000;
        while (rows < config.maxBatchSize()) {
          Task next = queue.poll();
          if (next == null) {
            long wait = deadline - System.nanoTime();
            if (wait <= 0 || expected.get() <= 0) {
              break;
            }
            next = queue.poll(Math.min(wait, 50_000), TimeUnit.NANOSECONDS);
            if (next == null) {
              continue;
            }
          }
          if (rows + next.rows() > config.maxBatchSize()) {
            carried = next;
            break;
          }
          batch.add(next);
          rows += next.rows();
        }
        running.incrementAndGet();
        try {
          run(batch, rows);
        } finally {
          running.decrementAndGet();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        batch.clear();
      }
    }
    if (carried != null) {
      carried.result().completeExceptionally(ServingError.unavailable("model '" + model + "' was unloaded"));
    }
  }

  private void run(List<Task> batch, int rows) {
    batchSizes.accept(rows);
    try {
      Map<String, TensorValue> merged = new LinkedHashMap<>();
      for (String name : runner.signature().inputs().keySet()) {
        List<TensorValue> parts = new ArrayList<>(batch.size());
        batch.forEach(task -> parts.add(task.inputs().get(name)));
        merged.put(name, TensorValue.concat(parts));
      }
      Map<String, TensorValue> outputs = runner.run(merged);
      int from = 0;
      for (Task task : batch) {
        Map<String, TensorValue> own = new LinkedHashMap<>();
        for (Map.Entry<String, TensorValue> output : outputs.entrySet()) {
          own.put(output.getKey(), batch.size() == 1 ? output.getValue() : output.getValue().slice(from, task.rows()));
        }
        from += task.rows();
        task.result().complete(own);
      }
    } catch (RuntimeException e) {
      batch.forEach(task -> task.result().completeExceptionally(e));
    }
  }

  /** Stops the batch threads; requests still queued are answered 503. */
  @Override
  public void close() {
    closed = true;
    for (Thread thread : threads) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Task task; (task = queue.poll()) != null; ) {
      task.result().completeExceptionally(ServingError.unavailable("model '" + model + "' was unloaded"));
    }
  }
}
