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
 * [--latency-calls N] [--label NAME] [--serve]}; with {@link #SERVE} it measures only the single-example
 * latency, in a process that trains nothing; with {@code --first-prediction} it only builds the network, predicts
 * one example and exits, for the suite's JVM-start-to-first-prediction case.
 */
public final class PeerRows {

  /** Batch size of the training rows. */
  public static final int TRAIN_BATCH = 64;

  /** Batch size of the inference row. */
  public static final int INFERENCE_BATCH = 256;

  /**
   * The flag of a serving process: it builds the MLP and answers single examples, no training, as a model server
   * does; the latency row comes from such a process for every framework.
   */
  public static final String SERVE = "--serve";

  /** About how long one measured round runs. */
  private static final double ROUND_SECONDS = 2.0;

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
    int trainExamples = Integer.parseInt(Harness.option(args, "--train-examples", "10000"));
    int latencyCalls = Integer.parseInt(Harness.option(args, "--latency-calls", "2000"));
    Dataset train = wholeBatches(DataSource.parse(Harness.option(args, "--data", "bundled")), trainExamples);
    float[] images = train.floats(FashionMnist.IMAGE).values();
    int[] labels = train.ints(FashionMnist.LABEL).values();
    PeerRows rows = new PeerRows(Harness.option(args, "--label", framework), model, rounds);
    if (List.of(args).contains(SERVE)) {
      try (PeerSubject subject = factory.apply(model)) {
        rows.latency(subject, images, latencyCalls, "latency").print();
      }
      return;
    }
    try (PeerSubject subject = factory.apply(model)) {
      rows.training(subject, images, labels, train.size()).print();
      if (model.equals("cnn")) {
        rows.inference(subject, images, train.size()).print();
      } else {
        // The same calls in the process that trained: its kernels are the training ones (oneDNN for Deepwire).
        rows.latency(subject, images, latencyCalls, "latency_training_process").print();
      }
    }
    CaseResult.single(rows.framework, model, "peak_rss", "MB", PeakRss.megabytes()).print();
  }

  /**
   * The first whole batches of the training set, up to {@code limit} examples; the rest of the file (test split
   * included) is garbage once this returns, so no framework's peak RSS carries data it never uses.
   */
  private static Dataset wholeBatches(DataSource source, int limit) throws java.io.IOException {
    Dataset all = FashionMnist.load(source).train();
    return all.slice(0, Math.min(limit, all.size()) / TRAIN_BATCH * TRAIN_BATCH);
  }

  private CaseResult training(PeerSubject subject, float[] images, int[] labels, int available) {
    // Warm-up (kernels chosen, JIT compiled), which also sizes the rounds: each takes about ROUND_SECONDS,
    // so a slow framework or a busy machine cannot stretch the suite past its budget.
    int probe = Math.min(available, 8 * TRAIN_BATCH);
    subject.train(images, labels, probe, TRAIN_BATCH, 0);
    long t0 = System.nanoTime();
    subject.train(images, labels, probe, TRAIN_BATCH, 0);
    int count = roundSize(probe / ((System.nanoTime() - t0) / 1e9), TRAIN_BATCH, available);
    List<Double> rates = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      subject.train(images, labels, count, TRAIN_BATCH, round);
      rates.add(count / ((System.nanoTime() - start) / 1e9));
    }
    return CaseResult.of(framework, model, "train", "examples/s", rates).with("batch", TRAIN_BATCH)
        .with("examples_per_round", count);
  }

  private CaseResult inference(PeerSubject subject, float[] images, int available) {
    float[] batch = new float[INFERENCE_BATCH * Batches.PIXELS];
    System.arraycopy(images, 0, batch, 0, Math.min(batch.length, available * Batches.PIXELS));
    subject.predict(batch, INFERENCE_BATCH); // warm-up
    long t0 = System.nanoTime();
    subject.predict(batch, INFERENCE_BATCH); // the size of a round
    int batches = roundSize(INFERENCE_BATCH / ((System.nanoTime() - t0) / 1e9), INFERENCE_BATCH, 64 * INFERENCE_BATCH)
        / INFERENCE_BATCH;
    List<Double> rates = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < batches; i++) {
        subject.predict(batch, INFERENCE_BATCH);
      }
      rates.add(batches * INFERENCE_BATCH / ((System.nanoTime() - start) / 1e9));
    }
    return CaseResult.of(framework, model, "inference", "examples/s", rates).with("batch", INFERENCE_BATCH)
        .with("batches_per_round", batches);
  }

  /** Examples for a round of about {@link #ROUND_SECONDS} at {@code rate}: whole batches, at least one, at most {@code max}. */
  private static int roundSize(double rate, int batch, int max) {
    long wanted = Math.round(rate * ROUND_SECONDS / batch) * batch;
    return (int) Math.max(batch, Math.min(wanted, max / batch * batch));
  }

  private CaseResult latency(PeerSubject subject, float[] images, int calls, String metric) {
    int available = images.length / 784;
    float[][] examples = new float[Math.min(available, 256)][784];
    for (int i = 0; i < examples.length; i++) {
      System.arraycopy(images, i * 784, examples[i], 0, 784);
    }
    for (int i = 0; i < 5 * calls; i++) {
      subject.predictOne(examples[i % examples.length]); // warm-up: JIT-compiled past its first tiers
    }
    List<Double> micros = new ArrayList<>(calls);
    for (int i = 0; i < calls; i++) {
      long t0 = System.nanoTime();
      subject.predictOne(examples[i % examples.length]);
      micros.add((System.nanoTime() - t0) / 1e3);
    }
    // The spread of single calls is wide: report the inter-decile range rather than one outlier.
    return new CaseResult(framework, model, metric, "us", Samples.median(micros), Samples.quantile(micros, 0.1),
        Samples.quantile(micros, 0.9), calls, java.util.Map.of("batch", 1, "spread", "p10-p90"));
  }
}
