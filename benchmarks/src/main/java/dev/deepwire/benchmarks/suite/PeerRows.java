package dev.deepwire.benchmarks.suite;

import dev.deepwire.benchmarks.Harness;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.runtime.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Measures the rows of the peer table for one framework and one network, identically for every framework:
 * training examples/s (batch 64), CNN inference examples/s at batch 256, MLP single-example latency, and the
 * process's peak RSS. Prints one {@link CaseResult} JSON line per figure. Run each framework and network in
 * its own JVM so that the RSS is that framework's alone.
 *
 * <p>Arguments: {@code --model mlp|cnn [--data bundled|full|DIR] [--train-examples N] [--rounds R]
 * [--latency-calls N] [--label NAME]}; with {@code --first-prediction} it only builds the network, predicts
 * one example and exits, for the suite's JVM-start-to-first-prediction case.
 */
public final class PeerRows {

  /** Batch size of the training rows. */
  public static final int TRAIN_BATCH = 64;

  /** Batch size of the inference row. */
  public static final int INFERENCE_BATCH = 256;

  private final String framework;
  private final String model;
  private final int rounds;

  private PeerRows(String framework, String model, int rounds) {
    this.framework = framework;
    this.model = model;
    this.rounds = rounds;
  }

  /** Runs every row of {@code args}' network on the subject {@code factory} builds for it. */
  public static void run(String framework, String[] args, Function<String, PeerSubject> factory) throws Exception {
    String model = Harness.option(args, "--model", "mlp");
    if (List.of(args).contains("--first-prediction")) {
      try (PeerSubject subject = factory.apply(model)) {
        float[] grey = new float[Batches.PIXELS];
        java.util.Arrays.fill(grey, 0.5f);
        subject.predictOne(grey); // the parent times this process from its start to its exit
      }
      return;
    }
    int rounds = Integer.parseInt(Harness.option(args, "--rounds", "5"));
    int trainExamples = Integer.parseInt(Harness.option(args, "--train-examples", model.equals("cnn") ? "2048" : "4096"));
    int latencyCalls = Integer.parseInt(Harness.option(args, "--latency-calls", "2000"));
    Dataset all = FashionMnist.load(DataSource.parse(Harness.option(args, "--data", "bundled"))).train();
    Dataset train = all.slice(0, Math.min(trainExamples, all.size()));
    float[] images = train.floats(FashionMnist.IMAGE).values();
    int[] labels = train.ints(FashionMnist.LABEL).values();
    PeerRows rows = new PeerRows(Harness.option(args, "--label", framework), model, rounds);
    try (PeerSubject subject = factory.apply(model)) {
      rows.training(subject, images, labels, train.size()).print();
      if (model.equals("cnn")) {
        rows.inference(subject, images, Math.min(train.size(), 4 * INFERENCE_BATCH)).print();
      } else {
        rows.latency(subject, images, latencyCalls).print();
      }
    }
    CaseResult.single(rows.framework, model, "peak_rss", "MB", PeakRss.megabytes()).print();
  }

  private CaseResult training(PeerSubject subject, float[] images, int[] labels, int count) {
    subject.train(images, labels, count, TRAIN_BATCH, 0); // warm-up: kernels chosen, JIT compiled
    List<Double> rates = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      long t0 = System.nanoTime();
      subject.train(images, labels, count, TRAIN_BATCH, round);
      rates.add(count / ((System.nanoTime() - t0) / 1e9));
    }
    return CaseResult.of(framework, model, "train", "examples/s", rates).with("batch", TRAIN_BATCH)
        .with("examples", count);
  }

  private CaseResult inference(PeerSubject subject, float[] images, int count) {
    Runnable pass = () -> {
      for (int from = 0; from + INFERENCE_BATCH <= count; from += INFERENCE_BATCH) {
        float[] batch = new float[INFERENCE_BATCH * 784];
        System.arraycopy(images, from * 784, batch, 0, batch.length);
        subject.predict(batch, INFERENCE_BATCH);
      }
    };
    pass.run();
    List<Double> rates = new ArrayList<>();
    int measured = count / INFERENCE_BATCH * INFERENCE_BATCH;
    for (int round = 0; round < rounds * 2; round++) {
      long t0 = System.nanoTime();
      pass.run();
      rates.add(measured / ((System.nanoTime() - t0) / 1e9));
    }
    return CaseResult.of(framework, model, "inference", "examples/s", rates).with("batch", INFERENCE_BATCH);
  }

  private CaseResult latency(PeerSubject subject, float[] images, int calls) {
    int available = images.length / 784;
    float[][] examples = new float[Math.min(available, 256)][784];
    for (int i = 0; i < examples.length; i++) {
      System.arraycopy(images, i * 784, examples[i], 0, 784);
    }
    for (int i = 0; i < calls; i++) {
      subject.predictOne(examples[i % examples.length]); // warm-up
    }
    List<Double> micros = new ArrayList<>(calls);
    for (int i = 0; i < calls; i++) {
      long t0 = System.nanoTime();
      subject.predictOne(examples[i % examples.length]);
      micros.add((System.nanoTime() - t0) / 1e3);
    }
    // The spread of single calls is wide: report the inter-decile range rather than one outlier.
    return new CaseResult(framework, model, "latency", "us", Samples.median(micros), Samples.quantile(micros, 0.1),
        Samples.quantile(micros, 0.9), calls, java.util.Map.of("batch", 1, "spread", "p10-p90"));
  }
}
