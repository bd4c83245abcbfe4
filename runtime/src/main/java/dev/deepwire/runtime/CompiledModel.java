package dev.deepwire.runtime;

import dev.deepwire.runtime.export.SavedModelExporter;
import dev.deepwire.runtime.internal.GraphAssembler;
import dev.deepwire.runtime.internal.ModelOps;
import dev.deepwire.runtime.internal.SingleExamplePath;
import dev.deepwire.runtime.internal.SingleExamplePaths;
import java.io.IOException;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/**
 * A model built into a TensorFlow graph with a live session holding its weights. Trainer, evaluator and
 * predictor of one model share it, so what the trainer learns the predictor uses at once.
 *
 * <p>Owns native memory: close it (Guice apps get one per model; close it on shutdown).
 *
 * @param <M> the annotated model class
 */
public final class CompiledModel<M> implements AutoCloseable {

  private final ModelSignature signature;
  private final RuntimeOptions options;
  private final Graph graph;
  private final Session session;
  private final ModelOps ops;
  private final ModelGraph<M> model;
  private volatile SingleExamplePath singleExample;

  private CompiledModel(ModelSignature signature, RuntimeOptions options, Graph graph, Session session, ModelOps ops,
      ModelGraph<M> model) {
    this.model = model;
    this.signature = signature;
    this.options = options;
    this.graph = graph;
    this.session = session;
    this.ops = ops;
  }

  /** Builds the graph of {@code model}, opens a session and initialises the weights from the seed. */
  public static <M> CompiledModel<M> compile(ModelGraph<M> model, RuntimeOptions options) {
    Graph graph = new Graph();
    try {
      ModelOps ops = GraphAssembler.assemble(graph, model, options.seed());
      ConfigProto config = ConfigProto.newBuilder()
          .setIntraOpParallelismThreads(options.intraOpThreads())
          .setInterOpParallelismThreads(options.interOpThreads())
          .build();
      Session session = new Session(graph, config);
      try {
        session.initialize();
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
      return new CompiledModel<>(model.signature(), options, graph, session, ops, model);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * A model whose graph was assembled and whose session was opened elsewhere, e.g. a session on a TensorFlow
   * cluster ({@code dev.deepwire.runtime.distributed}); its weights must be initialised already.
   */
  public static <M> CompiledModel<M> of(ModelGraph<M> model, RuntimeOptions options, Graph graph, Session session,
      ModelOps ops) {
    return new CompiledModel<>(model.signature(), options, graph, session, ops, model);
  }

  public ModelSignature signature() {
    return signature;
  }

  public RuntimeOptions options() {
    return options;
  }

  /** Trains this model's weights. */
  public Trainer<M> trainer() {
    return new Trainer<>(this);
  }

  /** Measures loss and metrics on data sets. */
  public Evaluator<M> evaluator() {
    return new Evaluator<>(this);
  }

  /** Runs the forward pass on plain Java arrays. */
  public Predictor<M> predictor() {
    return new Predictor<>(this);
  }

  /** The TF graph, for advanced use (export, inspection). */
  public Graph graph() {
    return graph;
  }

  /** The TF session holding the weights. */
  public Session session() {
    return session;
  }

  /**
   * Exports the current weights as a TensorFlow SavedModel in TensorFlow Serving's layout
   * {@code base/<version>/} (tag {@code serve}, signature {@code serving_default} whose inputs and
   * outputs carry the model's names), atomically.
   *
   * @return the version folder written
   * @throws java.nio.file.FileAlreadyExistsException if that version exists already
   */
  public Path export(Path base, long version) throws IOException {
    return SavedModelExporter.export(session, ops.inputs(), ops.outputs(), base, version);
  }

  ModelOps ops() {
    return ops;
  }

  /** The generated network, to build other graphs of it (e.g. one step of a recurrent model). */
  ModelGraph<M> modelGraph() {
    return model;
  }

  /** The low-overhead path for one example of a one-input, one-output model, made on first use. */
  SingleExamplePath singleExample() {
    SingleExamplePath runner = singleExample;
    if (runner == null) {
      synchronized (this) {
        if (singleExample == null) {
          singleExample = SingleExamplePaths.open(session, ops.inputs().values().iterator().next(),
              ops.outputs().values().iterator().next(), signature.outputs().get(0).size());
        }
        runner = singleExample;
      }
    }
    return runner;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (singleExample != null) {
        singleExample.close();
      }
    }
    session.close();
    graph.close();
  }
}
