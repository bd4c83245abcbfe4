package dev.deepwire.runtime.callbacks;

import dev.deepwire.runtime.EpochResult;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.TrainingCallback;
import dev.deepwire.runtime.TrainingContext;
import dev.deepwire.runtime.tensorboard.ModelWeights;
import dev.deepwire.runtime.tensorboard.SummaryFileWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Writes TensorBoard event files while a model trains; view them with {@code tensorboard --logdir <runDir>}.
 *
 * <p>Layout, one run per sub-directory so TensorBoard overlays training and validation curves:
 * <pre>
 * runDir/train/events.out.tfevents.*       batch/&lt;name&gt; at each global step (loss, metrics, lr; every
 *                                          updateFreq steps), epoch/&lt;name&gt; at each epoch (1-based),
 *                                          weights/&lt;variable&gt; histograms per epoch, the model's graph
 * runDir/validation/events.out.tfevents.*  epoch/&lt;name&gt; of the validation data, when there is some
 * </pre>
 *
 * <pre>{@code
 * trainer.fit(data, FitOptions.builder().callback(TensorBoard.builder(Path.of("runs/cnn")).build()).build());
 * }</pre>
 *
 * <p>The events are written by TF's summary ops in a small graph of the callback's own; the model's graph
 * is only read. Files are flushed after every epoch and closed when training ends (or on {@link #close()}).
 */
public final class TensorBoard implements TrainingCallback, AutoCloseable {

  /** Sub-directory of the training events. */
  public static final String TRAIN = "train";
  /** Sub-directory of the validation events. */
  public static final String VALIDATION = "validation";

  private final Path runDir;
  private final int updateFreq;
  private final int histogramFreq;
  private final boolean writeGraph;
  private SummaryFileWriter train;
  private SummaryFileWriter validation;

  private TensorBoard(Builder b) {
    this.runDir = b.runDir;
    this.updateFreq = b.updateFreq;
    this.histogramFreq = b.histogramFreq;
    this.writeGraph = b.writeGraph;
  }

  /** Every step's scalars, weight histograms every epoch, and the graph, under {@code runDir}. */
  public static Builder builder(Path runDir) {
    return new Builder(runDir);
  }

  /** The directory the event files go to. */
  public Path runDir() {
    return runDir;
  }

  @Override
  public void onTrainBegin(TrainingContext context) {
    close();
    train = SummaryFileWriter.open(runDir.resolve(TRAIN));
    if (writeGraph) {
      train.graph(0, context.model().graph().toGraphDef().toByteArray());
    }
  }

  @Override
  public void onBatchEnd(TrainingContext context, long step, Map<String, Double> logs) {
    if (updateFreq > 0 && step % updateFreq == 0) {
      logs.forEach((name, value) -> train().scalar("batch/" + name, step, value));
    }
  }

  @Override
  public void onEpochEnd(TrainingContext context, EpochResult result) {
    SummaryFileWriter trainWriter = train();
    result.train().forEach((name, value) -> trainWriter.scalar("epoch/" + name, result.epoch(), value));
    if (histogramFreq > 0 && result.epoch() % histogramFreq == 0) {
      ModelWeights.read(context.model()).forEach(
          (name, values) -> trainWriter.histogram("weights/" + name, result.epoch(), values));
    }
    trainWriter.flush();
    if (!result.validation().isEmpty()) {
      if (validation == null) {
        validation = SummaryFileWriter.open(runDir.resolve(VALIDATION));
      }
      result.validation().forEach((name, value) -> validation.scalar("epoch/" + name, result.epoch(), value));
      validation.flush();
    }
  }

  @Override
  public void onTrainEnd(TrainingContext context, History history) {
    close();
  }

  /** Flushes and closes the event files; training calls this at its end, call it yourself if fit throws. */
  @Override
  public void close() {
    try {
      if (train != null) {
        train.close();
      }
    } finally {
      train = null;
      if (validation != null) {
        validation.close();
      }
      validation = null;
    }
  }

  private SummaryFileWriter train() {
    if (train == null) {
      throw new IllegalStateException("TensorBoard(" + runDir + ") got a batch or epoch before onTrainBegin"
          + " or after onTrainEnd; pass it to FitOptions.callback(...) rather than calling it directly");
    }
    return train;
  }

  /** Collects TensorBoard options; each setter checks its argument at once. */
  public static final class Builder {
    private final Path runDir;
    private int updateFreq = 1;
    private int histogramFreq = 1;
    private boolean writeGraph = true;

    private Builder(Path runDir) {
      this.runDir = Objects.requireNonNull(runDir, "runDir");
    }

    /** Writes batch scalars every {@code steps} global steps (1: every step); 0 writes none. */
    public Builder updateFreq(int steps) {
      if (steps < 0) {
        throw new IllegalArgumentException("updateFreq must be >= 0 (0 = no batch scalars), got " + steps);
      }
      this.updateFreq = steps;
      return this;
    }

    /** Writes weight histograms every {@code epochs} epochs (1: every epoch); 0 writes none. */
    public Builder histogramFreq(int epochs) {
      if (epochs < 0) {
        throw new IllegalArgumentException("histogramFreq must be >= 0 (0 = no histograms), got " + epochs);
      }
      this.histogramFreq = epochs;
      return this;
    }

    /** Whether to write the model's graph for TensorBoard's graph dashboard (default on). */
    public Builder writeGraph(boolean on) {
      this.writeGraph = on;
      return this;
    }

    public TensorBoard build() {
      return new TensorBoard(this);
    }
  }
}
