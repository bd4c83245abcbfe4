package dev.deepwire.benchmarks.peers;

import dev.deepwire.benchmarks.suite.PeerRows;
import dev.deepwire.runtime.CpuKernels;
import java.util.List;

/**
 * The peer table's rows for Deepwire's generated {@link BenchMlp} and {@link BenchCnn}; one JSON line per figure.
 *
 * <p>Usage: {@code java -cp "benchmarks/target/deepwire-benchmarks.jar:benchmarks/target/lib/*"
 * dev.deepwire.benchmarks.peers.DeepwireRows --model mlp|cnn [--data bundled|full|DIR] [--rounds R] [--serve]}
 */
public final class DeepwireRows {

  private DeepwireRows() {}

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains(PeerRows.SERVE)) {
      // A serving process, as Deepwire's server starts one (ServerConfig's default), before TensorFlow loads.
      CpuKernels.prefer(CpuKernels.EIGEN);
    }
    PeerRows.run("deepwire", args, DeepwireSubject::create);
  }
}
