#!/usr/bin/env bash
# The main job: build, train the CNN on the bundled Fashion-MNIST subset, export it as a SavedModel,
# serve it over TensorFlow Serving's REST API, and ask the server for two predictions.
set -euo pipefail
cd "$(dirname "$0")"
export TF_CPP_MIN_LOG_LEVEL=2
cli() { java -jar examples/target/deepwire-examples.jar "$@"; }

mvn -B -q install -DskipTests
cli train cnn --json
cli export cnn --model-base runs/serving/fashion
cli sample-request --count 2 --channels > runs/request.json

port=${PORT:-8501}
# exec-style (not through the cli function) so that $! is the JVM itself and the trap stops it.
java -jar examples/target/deepwire-examples.jar serve --model-base runs/serving/fashion --port "$port" \
  --batch-size 32 --batch-timeout-micros 500 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/v1/models/fashion" >/dev/null 2>&1 && break
  sleep 0.5
done
echo "GET  /v1/models/fashion:         $(curl -s "http://127.0.0.1:$port/v1/models/fashion")"
echo "POST /v1/models/fashion:predict: $(curl -s -X POST --data @runs/request.json "http://127.0.0.1:$port/v1/models/fashion:predict")"
