package dev.deepwire.runtime.tensorboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * Writes scalars, histograms and graphs into one TensorBoard event file in {@code logDir}, with TF's own
 * summary ops ({@code SummaryWriter}, {@code WriteScalarSummary}, ...) in a small graph and session of its
 * own, so the model's finalized graph never changes.
 *
 * <p>Scalars are buffered and written {@value #SLOTS} at a time in one {@code Session.run} (a chain of
 * write ops ordered by control dependencies, so events keep their order in the file). Histograms and
 * graphs are written at once. Not thread-safe; close it to flush and free the native writer.
 */
public final class SummaryFileWriter implements AutoCloseable {

  /** Scalars buffered before one session run writes them. */
  static final int SLOTS = 64;

  private final Path logDir;
  private final Graph graph;
  private final Session session;
  private final Placeholder<TInt64> scalarSteps;
  private final Placeholder<TString> scalarTags;
  private final Placeholder<TFloat32> scalarValues;
  private final Op[] scalarChain;
  private final Placeholder<TInt64> step;
  private final Placeholder<TString> tag;
  private final Placeholder<TFloat32> histogramValues;
  private final Op writeHistogram;
  private final Placeholder<TString> graphDef;
  private final Op writeGraph;
  private final Op flush;
  private final Op closeWriter;

  private final long[] pendingSteps = new long[SLOTS];
  private final String[] pendingTags = new String[SLOTS];
  private final float[] pendingValues = new float[SLOTS];
  private int pending;
  private boolean closed;

  private SummaryFileWriter(Path logDir) {
    this.logDir = logDir;
    this.graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      Operand<?> writer = tf.withName("writer").summary.summaryWriter(
          org.tensorflow.op.summary.SummaryWriter.sharedName("deepwire_summary_writer"));
      Op create = tf.withName("create").summary.createSummaryFileWriter(writer,
          tf.constant(logDir.toAbsolutePath().toString()), tf.constant(100), tf.constant(5_000),
          tf.constant(".deepwire"));
      scalarSteps = tf.withName("scalar_steps").placeholder(TInt64.class);
      scalarTags = tf.withName("scalar_tags").placeholder(TString.class);
      scalarValues = tf.withName("scalar_values").placeholder(TFloat32.class);
      scalarChain = new Op[SLOTS];
      Operand<TInt32> axis = tf.constant(0);
      for (int i = 0; i < SLOTS; i++) {
        Ops slot = i == 0 ? tf : tf.withControlDependencies(scalarChain[i - 1]);
        Operand<TInt32> index = tf.constant(i);
        scalarChain[i] = slot.withName("scalar_" + i).summary.writeScalarSummary(writer,
            tf.gather(scalarSteps, index, axis), tf.gather(scalarTags, index, axis),
            tf.gather(scalarValues, index, axis));
      }
      step = tf.withName("step").placeholder(TInt64.class);
      tag = tf.withName("tag").placeholder(TString.class);
      histogramValues = tf.withName("histogram_values").placeholder(TFloat32.class);
      writeHistogram = tf.withName("histogram").summary.writeHistogramSummary(writer, step, tag, histogramValues);
      graphDef = tf.withName("graph_def").placeholder(TString.class);
      writeGraph = tf.withName("graph").summary.writeGraphSummary(writer, step, graphDef);
      flush = tf.withName("flush").summary.flushSummaryWriter(writer);
      closeWriter = tf.withName("close").summary.closeSummaryWriter(writer);
      session = new Session(graph, ConfigProto.newBuilder()
          .setIntraOpParallelismThreads(1).setInterOpParallelismThreads(1).build());
      try {
        session.runner().addTarget(create).run();
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
    } catch (RuntimeException e) {
      graph.close();
      throw new IllegalStateException("cannot open a TensorBoard event file in " + logDir + ": " + e.getMessage(), e);
    }
  }

  /** Creates {@code logDir} if needed and opens a new event file in it. */
  public static SummaryFileWriter open(Path logDir) {
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create TensorBoard log directory " + logDir + ": " + e.getMessage(), e);
    }
    return new SummaryFileWriter(logDir);
  }

  /** The directory this writer's event file is in. */
  public Path logDir() {
    return logDir;
  }

  /** Records {@code value} under {@code tag} at {@code step}; buffered until {@value #SLOTS} wait or a flush. */
  public void scalar(String tag, long step, double value) {
    checkOpen();
    pendingSteps[pending] = step;
    pendingTags[pending] = tag;
    pendingValues[pending] = (float) value;
    pending++;
    if (pending == SLOTS) {
      writePending();
    }
  }

  /** Writes a histogram of {@code values} under {@code tag} at {@code step} (after the scalars before it). */
  public void histogram(String tag, long step, float[] values) {
    checkOpen();
    writePending();
    try (TInt64 s = TInt64.scalarOf(step);
         TString t = TString.scalarOf(tag);
         TFloat32 v = TFloat32.vectorOf(values)) {
      session.runner().feed(this.step, s).feed(this.tag, t).feed(histogramValues, v)
          .addTarget(writeHistogram).run();
    }
  }

  /** Writes a serialized {@code GraphDef} for TensorBoard's graph dashboard. */
  public void graph(long step, byte[] serializedGraphDef) {
    checkOpen();
    writePending();
    try (TInt64 s = TInt64.scalarOf(step);
         TString g = TString.tensorOfBytes(NdArrays.scalarOfObject(serializedGraphDef))) {
      session.runner().feed(this.step, s).feed(graphDef, g).addTarget(writeGraph).run();
    }
  }

  /** Writes buffered scalars and flushes the event file to disk. */
  public void flush() {
    checkOpen();
    writePending();
    session.runner().addTarget(flush).run();
  }

  /** Flushes, closes the event file and frees the native graph and session; a second call does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      writePending();
      session.runner().addTarget(closeWriter).run();
    } finally {
      closed = true;
      session.close();
      graph.close();
    }
  }

  private void writePending() {
    if (pending == 0) {
      return;
    }
    int n = pending;
    pending = 0;
    try (TInt64 steps = TInt64.vectorOf(Arrays.copyOf(pendingSteps, n));
         TString tags = TString.vectorOf(Arrays.copyOf(pendingTags, n));
         TFloat32 values = TFloat32.vectorOf(Arrays.copyOf(pendingValues, n))) {
      session.runner().feed(scalarSteps, steps).feed(scalarTags, tags).feed(scalarValues, values)
          .addTarget(scalarChain[n - 1]).run();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the TensorBoard writer for " + logDir + " is closed");
    }
  }
}
