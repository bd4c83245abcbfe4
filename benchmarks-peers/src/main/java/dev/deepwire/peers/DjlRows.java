package dev.deepwire.peers;

import dev.deepwire.benchmarks.suite.PeerRows;

/**
 * The peer table's rows for the benchmark networks in Djl; one JSON line per figure.
 *
 * <p>Usage: {@code java -jar benchmarks-peers/target/deepwire-benchmarks-peers.jar ... DjlRows --model mlp|cnn}
 */
public final class DjlRows {

  private DjlRows() {}

  public static void main(String[] args) throws Exception {
    PeerRows.run("djl", args, DjlSubject::create);
  }
}
