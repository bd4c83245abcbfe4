package dev.deepwire.benchmarks.serving;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code clients} threads each sending one request, waiting for its answer, and sending the next, until
 * {@code maxRequests} are answered or {@code maxSeconds} pass: a bounded closed-loop load on loopback, one
 * keep-alive connection per client. A connection that fails ends its client (and fails the run).
 */
final class ClosedLoopClients {

  LoadResult run(String mode, URI predict, byte[] body, int clients, int maxRequests, double maxSeconds)
      throws Exception {
    AtomicInteger issued = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long[] latencies = new long[maxRequests];
    AtomicInteger answered = new AtomicInteger();
    long start = System.nanoTime();
    long deadline = start + (long) (maxSeconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        workers.add(pool.submit(() -> {
          try (KeepAliveConnection connection = new KeepAliveConnection(predict, body)) {
            while (issued.getAndIncrement() < maxRequests && System.nanoTime() < deadline) {
              long sent = System.nanoTime();
              if (connection.post() != 200) {
                errors.incrementAndGet();
              }
              latencies[answered.getAndIncrement()] = System.nanoTime() - sent;
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int count = answered.get();
    return new LoadResult(mode, clients, count, errors.get(), seconds, java.util.Arrays.copyOf(latencies, count));
  }
}
