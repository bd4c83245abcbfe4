#!/usr/bin/env bash
# Builds the benchmarks, DL4J and DJL + PyTorch included (profile `peers`), runs every case of the suite
# (one JSON line per figure on standard output, logs on standard error), keeps the lines in
# benchmarks/target/suite-results.jsonl and regenerates the README's performance table from them.
# Extra arguments go to the suite, e.g. --rounds 7.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Ppeers -pl processor,benchmarks,benchmarks-peers -am package -DskipTests
export TF_CPP_MIN_LOG_LEVEL=2
java -cp "benchmarks/target/deepwire-benchmarks.jar:benchmarks/target/lib/*" \
  dev.deepwire.benchmarks.suite.BenchmarkSuite --out benchmarks/target/suite-results.jsonl --readme README.md "$@"
