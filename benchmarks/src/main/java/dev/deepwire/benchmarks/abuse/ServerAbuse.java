package dev.deepwire.benchmarks.abuse;

import dev.deepwire.benchmarks.Rss;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Abuses a running server on loopback: first good requests alone (the quiet latency), then the same good
 * clients while hostile clients send {@code hostileRequests} malformed or hostile requests, slow clients trickle
 * good requests byte by byte, idle connections sit open and new model versions replace old ones.
 */
final class ServerAbuse {

  /**
   * What to throw at the server.
   *
   * @param swaps new versions dropped into the base folder during the abuse (and old ones removed)
   */
  record Options(int hostileRequests, int hostileThreads, int goodClients, int quietRequests, int slowClients,
      int idleConnections, int swaps, long seed) {}

  /**
   * The server under test.
   *
   * @param base the model's base folder, holding version {@code 1}
   * @param template a complete version folder to copy as each new version
   */
  record Target(URI uri, String model, Path base, Path template, String token, HostileRequests requests) {}

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  AbuseReport run(Target target, Options options) throws Exception {
    long rssStart = Rss.kib() / 1024;
    goodLoad(target, options.goodClients(), 200, null, new AtomicInteger(), options.seed() - 1); // warm-up: JIT
    long[] quiet = goodLoad(target, options.goodClients(), options.quietRequests(), null, new AtomicInteger(),
        options.seed());
    AtomicBoolean abusing = new AtomicBoolean(true);
    AtomicInteger goodFailed = new AtomicInteger();
    AtomicInteger slowDone = new AtomicInteger();
    Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
    AtomicInteger serverErrors = new AtomicInteger();
    AtomicInteger misanswered = new AtomicInteger();
    ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
    AtomicInteger swaps = new AtomicInteger();
    List<Socket> idle = openIdle(target.uri(), options.idleConnections());
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      Future<long[]> good = pool.submit(() -> goodLoad(target, options.goodClients(), Integer.MAX_VALUE, abusing,
          goodFailed, options.seed() + 1));
      List<Future<?>> slow = new ArrayList<>();
      for (int i = 0; i < options.slowClients(); i++) {
        long seed = options.seed() + 100 + i;
        slow.add(pool.submit(() -> slowClient(target, abusing, goodFailed, slowDone, seed)));
      }
      AtomicInteger sent = new AtomicInteger();
      List<Future<?>> hostile = new ArrayList<>();
      for (int i = 0; i < options.hostileThreads(); i++) {
        Random random = new Random(options.seed() + 1000 + i);
        hostile.add(pool.submit(() -> {
          InetSocketAddress server = new InetSocketAddress(target.uri().getHost(), target.uri().getPort());
          while (sent.getAndIncrement() < options.hostileRequests()) {
            Attack attack = target.requests().next(random);
            int status = RawHttp.exchange(server, attack.request(), 0, 0, attack.hangUpAfter(), 30_000);
            byStatus.merge(status, 1, Integer::sum);
            // 505 is HTTP's own answer to an unsupported protocol version (HTTP/9.9), not a server failure.
            if (status >= 500 && status != 505) {
              serverErrors.incrementAndGet();
            }
            if (!attack.expected().contains(status)) {
              misanswered.incrementAndGet();
              if (examples.size() < 20) {
                examples.add(attack.name() + " -> " + status);
              }
            }
          }
          return null;
        }));
      }
      Future<?> swapper = pool.submit(() -> swapVersions(target, options.swaps(), sent, options.hostileRequests(),
          swaps));
      for (Future<?> f : hostile) {
        f.get();
      }
      swapper.get();
      abusing.set(false);
      long[] loaded = good.get();
      for (Future<?> f : slow) {
        f.get();
      }
      boolean up = status(target, "/health") == 200;
      int hostileCount = byStatus.values().stream().mapToInt(Integer::intValue).sum();
      return new AbuseReport(hostileCount, new TreeMap<>(byStatus), serverErrors.get(), misanswered.get(),
          List.copyOf(examples), loaded.length, slowDone.get(), goodFailed.get(), percentile(quiet, 50),
          percentile(quiet, 99), percentile(loaded, 50), percentile(loaded, 99), swaps.get(), idle.size(), up,
          rssStart, Rss.kib() / 1024);
    } finally {
      abusing.set(false);
      pool.shutdownNow();
      for (Socket socket : idle) {
        socket.close();
      }
    }
  }

  /**
   * Good requests from {@code clients} closed-loop clients: {@code count} in all, or while {@code running}.
   *
   * @return the latencies in nanoseconds
   */
  private long[] goodLoad(Target target, int clients, int count, AtomicBoolean running, AtomicInteger failed,
      long seed) throws Exception {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger issued = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        Random random = new Random(seed + c);
        workers.add(pool.submit(() -> {
          while (issued.getAndIncrement() < count && (running == null || running.get())) {
            HttpRequest request = HttpRequest.newBuilder(target.uri().resolve(target.requests().predictPath()))
                .header("Authorization", "Bearer " + target.token())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(target.requests().goodBody(random))).build();
            long start = System.nanoTime();
            try {
              HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
              if (reply.statusCode() != 200) {
                failed.incrementAndGet();
                System.err.println("good request failed: " + reply.statusCode() + " " + reply.body());
              }
            } catch (IOException e) {
              failed.incrementAndGet();
              System.err.println("good request failed: " + e);
            }
            latencies.add(System.nanoTime() - start);
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
    return latencies.stream().mapToLong(Long::longValue).toArray();
  }

  /** Good requests sent 64 bytes at a time, 20 ms apart, while the abuse lasts. */
  private static Void slowClient(Target target, AtomicBoolean running, AtomicInteger failed, AtomicInteger done,
      long seed) throws InterruptedException {
    Random random = new Random(seed);
    InetSocketAddress server = new InetSocketAddress(target.uri().getHost(), target.uri().getPort());
    while (running.get()) {
      int status = RawHttp.exchange(server, target.requests().good(random), 64, 20, -1, 60_000);
      if (status != 200) {
        failed.incrementAndGet();
        System.err.println("slow good request failed: " + status);
      }
      done.incrementAndGet();
    }
    return null;
  }

  private static List<Socket> openIdle(URI uri, int count) throws IOException {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sockets.add(new Socket(uri.getHost(), uri.getPort()));
    }
    return sockets;
  }

  /**
   * Drops {@code count} new versions into the base folder (written aside, then renamed in) spread over the
   * hostile requests, each time waiting until it serves and then removing the version before it.
   */
  private Void swapVersions(Target target, int count, AtomicInteger sent, int total, AtomicInteger swaps)
      throws Exception {
    for (int version = 2; version < 2 + count; version++) {
      int due = total * (version - 1) / (count + 1);
      while (sent.get() < due) {
        Thread.sleep(20);
      }
      Path aside = target.base().resolve("incoming-" + version);
      copyTree(target.template(), aside);
      Files.move(aside, target.base().resolve(Integer.toString(version)), StandardCopyOption.ATOMIC_MOVE);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (status(target, "/v1/models/" + target.model() + "/versions/" + version) != 200) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("version " + version + " was not loaded within 60 s");
        }
        Thread.sleep(20);
      }
      deleteTree(target.base().resolve(Integer.toString(version - 1)));
      swaps.incrementAndGet();
    }
    return null;
  }

  private int status(Target target, String path) throws InterruptedException {
    try {
      return http.send(HttpRequest.newBuilder(target.uri().resolve(path))
          .header("Authorization", "Bearer " + target.token()).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return RawHttp.CLOSED;
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  static double percentile(long[] nanos, double p) {
    if (nanos.length == 0) {
      return Double.NaN;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
