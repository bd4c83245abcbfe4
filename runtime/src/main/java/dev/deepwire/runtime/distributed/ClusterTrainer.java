package dev.deepwire.runtime.distributed;

import dev.deepwire.runtime.Checkpoints;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.ModelGraph;
import dev.deepwire.runtime.RuntimeOptions;
import dev.deepwire.runtime.Trainer;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.internal.GraphAssembler;
import dev.deepwire.runtime.internal.GraphHooks;
import dev.deepwire.runtime.internal.ModelOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * One worker of data-parallel training on a TensorFlow cluster (between-graph replication): this process
 * runs the worker's TF server, builds the model's graph with its variables on the parameter servers, and
 * trains on its shard of the data with synchronous updates ({@link SyncReplicas}).
 *
 * <p>Worker 0, the chief, also initialises the variables (or restores them from its last checkpoint when
 * the parameter servers start empty), runs the aggregation that applies each update, writes checkpoints,
 * and at the end releases the parameter servers. Other workers wait for the variables, and a restarted
 * worker simply joins at the current global step.
 *
 * <pre>{@code
 * try (ClusterTrainer<FashionDnn> worker = ClusterTrainer.join(new FashionDnnGraph(), cluster, TaskId.worker(i),
 *     RuntimeOptions.defaults())) {
 *   ClusterFitResult result = worker.fit(train, ClusterFitOptions.of(10, 64, 42));
 *   if (worker.isChief()) { worker.model().evaluator().evaluate(test); worker.endJob(); }
 * }
 * }</pre>
 *
 * @param <M> the annotated model class
 */
public final class ClusterTrainer<M> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClusterTrainer.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration CHECK_IN_WAIT = Duration.ofSeconds(30);

  private final ClusterSpec cluster;
  private final TaskId task;
  private final CompiledModel<M> model;
  private final ModelOps ops;
  private final SyncReplicas.Handles sync;
  private final JobSignals signals;
  private final Operand<TBool> allInitialized;
  private final ParameterServerPlacement placement;

  private ClusterTrainer(ClusterSpec cluster, TaskId task, CompiledModel<M> model, ModelOps ops,
      SyncReplicas.Handles sync, JobSignals signals, Operand<TBool> allInitialized, ParameterServerPlacement placement) {
    this.cluster = cluster;
    this.task = task;
    this.model = model;
    this.ops = ops;
    this.sync = sync;
    this.signals = signals;
    this.allInitialized = allInitialized;
    this.placement = placement;
  }

  /** Joins {@code cluster} as worker {@code task}, placing variables round-robin over the ps tasks. */
  public static <M> ClusterTrainer<M> join(ModelGraph<M> modelGraph, ClusterSpec cluster, TaskId task,
      RuntimeOptions options) {
    return join(modelGraph, cluster, task, options, ParameterServerPlacement.Strategy.ROUND_ROBIN);
  }

  /**
   * Starts this worker's TF server and builds its graph and session. Returns at once: the chief
   * initialises and other workers wait for it in {@link #fit}.
   */
  public static <M> ClusterTrainer<M> join(ModelGraph<M> modelGraph, ClusterSpec cluster, TaskId task,
      RuntimeOptions options, ParameterServerPlacement.Strategy strategy) {
    if (task.isParameterServer()) {
      throw new IllegalArgumentException(task + " is a parameter server: run ParameterServer.serve for it");
    }
    ConfigProto config = ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(options.intraOpThreads())
        .setInterOpParallelismThreads(options.interOpThreads())
        // Talk to the parameter servers and this worker only: other workers may be down or restarting.
        .addDeviceFilters("/job:" + ClusterSpec.PS)
        .addDeviceFilters("/job:" + ClusterSpec.WORKER + "/task:" + task.index())
        .build();
    String target = TaskServer.start(cluster, task, config);
    Graph graph = new Graph();
    try {
      ParameterServerPlacement placement =
          new ParameterServerPlacement(cluster.parameterServers().size(), strategy);
      SyncReplicas syncReplicas = new SyncReplicas(cluster.workers().size(), task.index(), placement);
      ModelOps ops = GraphAssembler.assemble(graph, modelGraph, options.seed(), new GraphHooks(placement, syncReplicas));
      SyncReplicas.Handles sync = syncReplicas.handles();
      JobSignals signals = new JobSignals(graph, cluster.parameterServers().size());
      Operand<TBool> allInitialized = allInitialized(graph, ops, sync);
      Session session = RemoteSessions.open(graph, target, config);
      CompiledModel<M> model = CompiledModel.of(modelGraph, options, graph, session, ops);
      log.info("{} joined {} at {}; variables on ps tasks {}", task, cluster, target, placement.tasks());
      return new ClusterTrainer<>(cluster, task, model, ops, sync, signals, allInitialized, placement);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  private static Operand<TBool> allInitialized(Graph graph, ModelOps ops, SyncReplicas.Handles sync) {
    Ops tf = Ops.create(graph);
    List<Operand<TBool>> flags = new ArrayList<>();
    flags.add(tf.isVariableInitialized(sync.globalStep()));
    ops.variables().forEach(slot -> flags.add(tf.isVariableInitialized(slot.variable())));
    return tf.withName("sync.all_initialized").reduceAll(tf.stack(flags), tf.constant(0));
  }

  public boolean isChief() {
    return task.isChief();
  }

  /** The model, its weights living on the parameter servers: evaluate, predict or export it (chief, after fit). */
  public CompiledModel<M> model() {
    return model;
  }

  /** The ps task of each weight and optimizer variable this worker placed, by name. */
  public Map<String, Integer> placement() {
    return placement.tasks();
  }

  /**
   * Trains on this worker's shard of {@code train} (examples {@code task, task + N, task + 2N, ...}) until the
   * job has made {@code epochs × steps per epoch} updates. The chief also aggregates and checkpoints.
   */
  public ClusterFitResult fit(Dataset train, ClusterFitOptions options) {
    int workers = cluster.workers().size();
    int workerBatch = (options.batchSize() + workers - 1) / workers;
    int largestShard = (train.size() + workers - 1) / workers;
    int stepsPerEpoch = (largestShard + workerBatch - 1) / workerBatch;
    long rounds = (long) options.epochs() * stepsPerEpoch;
    ShardLoop loop = new ShardLoop(model, ops, sync, task, workers, shard(train, workers), workerBatch, stepsPerEpoch,
        options);
    if (!task.isChief()) {
      long start = waitForChief();
      ClusterFitResult result = loop.run(start, rounds, workerBatch * workers);
      checkIn();
      return result;
    }
    long start = prepareAsChief(options.checkpointDir().map(ClusterTrainer::checkpointFile));
    Aggregator aggregator = new Aggregator(model, sync, rounds, stepsPerEpoch, options);
    Thread thread = new Thread(aggregator, "deepwire-aggregator");
    thread.setDaemon(true);
    thread.start();
    ClusterFitResult result = loop.run(start, rounds, workerBatch * workers);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the last update was applied", e);
    }
    aggregator.rethrowFailure();
    return result;
  }

  /**
   * The chief's end of the job: waits (up to 30 s) for the other workers to report that they stopped, then
   * releases the parameter servers, whose processes then exit.
   */
  public void endJob() {
    if (!task.isChief()) {
      throw new IllegalStateException("only the chief ends the job");
    }
    long deadline = System.nanoTime() + CHECK_IN_WAIT.toNanos();
    int others = cluster.workers().size() - 1;
    while (finishedWorkers() < others && System.nanoTime() < deadline) {
      sleep();
    }
    model.session().run(signals.releaseParameterServers());
    log.info("released the parameter servers");
  }

  private static Path checkpointFile(Path dir) {
    return dir.resolve(Trainer.LAST_CHECKPOINT);
  }

  /** This worker's examples: {@code task, task + workers, task + 2·workers, ...}. */
  private Dataset shard(Dataset train, int workers) {
    int[] rows = new int[(train.size() - task.index() + workers - 1) / workers];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = task.index() + i * workers;
    }
    return train.select(rows);
  }

  /**
   * Initialises the variables, or restores them from {@code checkpoint} when the parameter servers start
   * empty, or keeps the parameter servers' live values when they still hold them (a restarted chief:
   * they are newer than any checkpoint). Returns the global step to resume at.
   */
  private long prepareAsChief(Optional<Path> checkpoint) {
    long start;
    boolean fresh = false;
    RemoteSessions.markInitialized(model.session()); // so the probe below may run; initialisers run on demand
    if (initialized()) {
      // An aggregation cut short may have emptied the accumulators without an update: start a new step number
      // so gradients of the old one count as stale, and hand out tokens to the workers waiting for it.
      start = globalStep() + 1;
      log.info("chief rejoined a cluster whose parameter servers hold the variables; resuming at global step {}",
          start);
    } else {
      model.session().forceInitialize();
      start = 0;
      fresh = true;
      if (checkpoint.isPresent() && Files.exists(checkpoint.get())) {
        start = restore(checkpoint.get());
        fresh = false; // workers that started on the initial values wait for a token of the restored step
      }
    }
    try (TInt64 at = TInt64.scalarOf(start)) {
      model.session().runner().feed(sync.resumeAt(), at).addTarget(sync.resume()).run().close();
    }
    if (!fresh) {
      model.session().run(sync.releaseWaiting());
    }
    return start;
  }

  private long restore(Path file) {
    try {
      Checkpoints.Snapshot snapshot = Checkpoints.read(file);
      Checkpoints.apply(model, snapshot, file.toString());
      long step = Long.parseLong(snapshot.metadata().getOrDefault(Aggregator.GLOBAL_STEP, "0"));
      log.info("chief restored the variables from {} at global step {}", file, step);
      return step;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore " + file + ": " + e.getMessage(), e);
    }
  }

  /** Waits until the chief has initialised every variable; returns the global step to start at. */
  private long waitForChief() {
    RemoteSessions.markInitialized(model.session());
    boolean told = false;
    while (!initialized()) {
      if (!told) {
        log.info("{} waiting for the chief to initialise the variables", task);
        told = true;
      }
      sleep();
    }
    return globalStep();
  }

  private boolean initialized() {
    try (Result result = model.session().runner().fetch(allInitialized).run()) {
      return ((TBool) result.get(0)).getBoolean();
    }
  }

  private long globalStep() {
    try (Result result = model.session().runner().fetch(sync.globalStep()).run()) {
      return ((TInt64) result.get(0)).getLong();
    }
  }

  private void checkIn() {
    model.session().run(signals.checkIn());
  }

  private int finishedWorkers() {
    try (Result result = model.session().runner().fetch(signals.finishedCount()).run()) {
      return ((TInt32) result.get(0)).getInt();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the cluster", e);
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
