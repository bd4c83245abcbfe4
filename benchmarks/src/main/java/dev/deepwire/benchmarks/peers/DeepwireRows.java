package dev.deepwire.benchmarks.peers;

import dev.deepwire.benchmarks.suite.PeerRows;

/**
 * The peer table's rows for Deepwire's generated {@link BenchMlp} and {@link BenchCnn}; one JSON line per figure.
 *
 * <p>Usage: {@code java -cp "benchmarks/target/deepwire-benchmarks.jar:benchmarks/target/lib/*"
 * dev.deepwire.benchmarks.peers.DeepwireRows --model mlp|cnn [--data bundled|full|DIR] [--rounds R]}
 */
public final class DeepwireRows {

  private DeepwireRows() {}

  public static void main(String[] args) throws Exception {
    PeerRows.run("deepwire", args, DeepwireSubject::create);
  }
}
