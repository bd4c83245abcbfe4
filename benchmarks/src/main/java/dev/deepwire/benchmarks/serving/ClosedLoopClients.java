package dev.deepwire.benchmarks.serving;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code clients} threads each sending one request, waiting for its answer, and sending the next, until
 * {@code maxRequests} are answered or {@code maxSeconds} pass: a bounded closed-loop load on loopback.
 */
final class ClosedLoopClients {

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

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
          HttpRequest request = HttpRequest.newBuilder(predict)
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
          while (issued.getAndIncrement() < maxRequests && System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            try {
              HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
              if (response.statusCode() != 200) {
                errors.incrementAndGet();
              }
            } catch (Exception e) {
              errors.incrementAndGet();
            }
            latencies[answered.getAndIncrement()] = System.nanoTime() - sent;
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
