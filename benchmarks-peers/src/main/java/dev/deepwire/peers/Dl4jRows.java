package dev.deepwire.peers;

import dev.deepwire.benchmarks.suite.PeerRows;

/**
 * The peer table's rows for the benchmark networks in Dl4j; one JSON line per figure.
 *
 * <p>Usage: {@code java -jar benchmarks-peers/target/deepwire-benchmarks-peers.jar ... Dl4jRows --model mlp|cnn}
 */
public final class Dl4jRows {

  private Dl4jRows() {}

  public static void main(String[] args) throws Exception {
    PeerRows.run("dl4j", args, Dl4jSubject::create);
  }
}
