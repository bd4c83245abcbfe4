package dev.deepwire.runtime.gan;

import dev.deepwire.runtime.ModelGraph;
import dev.deepwire.runtime.RuntimeOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A generative adversarial network of two {@code @Model}s: a generator {@code G} (noise in, an example
 * out) and a discriminator {@code D} (an example in, one score out, sigmoid or logit), each trained by the
 * optimizer its own {@code @Model} declares, in alternating updates that touch only their own side.
 *
 * <pre>{@code
 * try (Gan<FashionGenerator, FashionCritic> gan =
 *     Gan.compile(new FashionGeneratorGraph(), new FashionCriticGraph(), RuntimeOptions.defaults())) {
 *   gan.fit(images, GanOptions.of(10, 64, 42).steps(1, 1), epoch -> System.err.println(epoch.line()));
 *   float[][] samples = gan.generate(gan.noise(16, 7));
 * }
 * }</pre>
 *
 * <p>Owns native memory: close it. Not thread-safe while training.
 *
 * @param <G> the generator model
 * @param <D> the discriminator model
 */
public final class Gan<G, D> implements AutoCloseable {

  private final Graph graph;
  private final Session session;
  private final GanOps ops;
  private final int latent;
  private final int exampleSize;
  private long step;

  private Gan(Graph graph, Session session, GanOps ops) {
    this.graph = graph;
    this.session = session;
    this.ops = ops;
    this.latent = Math.toIntExact(ops.noise().shape().get(1));
    long size = 1;
    for (int i = 1; i < ops.real().shape().numDimensions(); i++) {
      size *= ops.real().shape().get(i);
    }
    this.exampleSize = Math.toIntExact(size);
  }

  /** Builds both networks into one graph and initialises their weights from the seed. */
  public static <G, D> Gan<G, D> compile(ModelGraph<G> generator, ModelGraph<D> discriminator, RuntimeOptions options) {
    Graph graph = new Graph();
    try {
      GanOps ops = GanAssembler.assemble(graph, generator, discriminator, options.seed());
      Session session = new Session(graph, ConfigProto.newBuilder()
          .setIntraOpParallelismThreads(options.intraOpThreads())
          .setInterOpParallelismThreads(options.interOpThreads()).build());
      try {
        session.initialize();
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
      return new Gan<>(graph, session, ops);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Values of one noise vector. */
  public int latentSize() {
    return latent;
  }

  /** {@code count} standard normal noise vectors drawn from {@code seed}. */
  public float[][] noise(int count, long seed) {
    return gaussian(new Random(seed), count);
  }

  /** The generator's output for each noise vector, in inference mode, flattened. */
  public float[][] generate(float[][] noise) {
    float[][] out = new float[noise.length][];
    for (int from = 0; from < noise.length; from += 256) {
      int count = Math.min(256, noise.length - from);
      float[][] part = java.util.Arrays.copyOfRange(noise, from, from + count);
      try (TFloat32 z = tensor(ops.noise(), part);
          Result result = session.runner().feed(ops.noise(), z).fetch(ops.generated()).run()) {
        TFloat32 values = (TFloat32) result.get(0);
        int width = Math.toIntExact(values.shape().size() / count);
        for (int r = 0; r < count; r++) {
          out[from + r] = new float[width];
          values.asRawTensor().data().asFloats().offset((long) r * width).read(out[from + r]);
        }
      }
    }
    return out;
  }

  /**
   * One discriminator update on a batch of real examples and as many noise vectors.
   *
   * @return {@code d_loss, g_loss, D(real), D(fake)} of the batch before the update
   */
  public float[] trainDiscriminator(float[][] real, float[][] noise) {
    return train(ops.discriminatorStep(), real, noise);
  }

  /** One generator update on a batch of noise vectors; returns the figures of {@link #trainDiscriminator}. */
  public float[] trainGenerator(float[][] noise) {
    return train(ops.generatorStep(), null, noise);
  }

  /**
   * Trains on {@code examples} (one flattened real example per row) and calls {@code onEpoch} after each
   * epoch, e.g. to draw a sample grid.
   */
  public List<GanEpoch> fit(float[][] examples, GanOptions options, Consumer<GanEpoch> onEpoch) {
    Random order = new Random(options.seed());
    Random noise = new Random(options.seed() ^ 0x5DEECE66DL);
    int[] index = new int[examples.length];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    List<GanEpoch> epochs = new ArrayList<>();
    for (int epoch = 1; epoch <= options.epochs(); epoch++) {
      long start = System.nanoTime();
      shuffle(index, order);
      double[] sums = new double[4];
      int dSteps = 0;
      int gSteps = 0;
      int batches = examples.length / options.batchSize();
      for (int b = 0; b < batches; ) {
        for (int k = 0; k < options.discriminatorSteps() && b < batches; k++, b++) {
          float[][] real = new float[options.batchSize()][];
          for (int r = 0; r < real.length; r++) {
            real[r] = examples[index[b * options.batchSize() + r]];
          }
          float[] figures = trainDiscriminator(real, gaussian(noise, options.batchSize()));
          sums[0] += figures[0];
          sums[2] += figures[2];
          sums[3] += figures[3];
          dSteps++;
        }
        for (int k = 0; k < options.generatorSteps(); k++) {
          sums[1] += trainGenerator(gaussian(noise, options.batchSize()))[1];
          gSteps++;
        }
      }
      GanEpoch result = new GanEpoch(epoch, sums[0] / dSteps, sums[1] / gSteps, sums[2] / dSteps, sums[3] / dSteps,
          (System.nanoTime() - start) / 1e9);
      epochs.add(result);
      onEpoch.accept(result);
    }
    return epochs;
  }

  /** The current values of the generator's weights, by path (for inspection and tests). */
  public Map<String, float[]> generatorWeights() {
    return values(ops.generatorWeights());
  }

  /** The current values of the discriminator's weights, by path. */
  public Map<String, float[]> discriminatorWeights() {
    return values(ops.discriminatorWeights());
  }

  /** The TF graph, for inspection. */
  public Graph graph() {
    return graph;
  }

  private float[] train(org.tensorflow.op.Op update, float[][] real, float[][] noise) {
    List<TFloat32> feeds = new ArrayList<>();
    try (TFloat32 training = TFloat32.scalarOf(1f); TInt64 at = TInt64.scalarOf(step++)) {
      Session.Runner runner = session.runner().feed(ops.training(), training).feed(ops.step(), at);
      TFloat32 z = tensor(ops.noise(), noise);
      feeds.add(z);
      runner.feed(ops.noise(), z);
      // The generator's loss does not read real examples, but the reported D(real) does: feed zeros when
      // there is no real batch.
      float[][] realRows = real != null ? real : new float[noise.length][exampleSize];
      TFloat32 x = tensor(ops.real(), realRows);
      feeds.add(x);
      runner.feed(ops.real(), x);
      try (Result result = runner.addTarget(update).fetch(ops.reported()).run()) {
        float[] figures = new float[4];
        ((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(figures);
        return figures;
      }
    } finally {
      feeds.forEach(TFloat32::close);
    }
  }

  private static TFloat32 tensor(Placeholder<TFloat32> placeholder, float[][] rows) {
    long[] dims = placeholder.shape().asArray();
    dims[0] = rows.length;
    int width = rows.length == 0 ? 0 : rows[0].length;
    float[] packed = new float[rows.length * width];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != width) {
        throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, expected " + width);
      }
      System.arraycopy(rows[r], 0, packed, r * width, width);
    }
    TFloat32 tensor = TFloat32.tensorOf(Shape.of(dims));
    tensor.asRawTensor().data().asFloats().write(packed);
    return tensor;
  }

  private float[][] gaussian(Random random, int count) {
    float[][] z = new float[count][latent];
    for (float[] row : z) {
      for (int j = 0; j < latent; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    return z;
  }

  private static void shuffle(int[] index, Random random) {
    for (int i = index.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = index[i];
      index[i] = index[j];
      index[j] = t;
    }
  }

  private Map<String, float[]> values(Map<String, Variable<TFloat32>> weights) {
    Map<String, float[]> values = new LinkedHashMap<>();
    weights.forEach((name, variable) -> {
      try (Result result = session.runner().fetch((Operand<TFloat32>) variable).run()) {
        TFloat32 t = (TFloat32) result.get(0);
        float[] v = new float[Math.toIntExact(t.size())];
        t.asRawTensor().data().asFloats().read(v);
        values.put(name, v);
      }
    });
    return values;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
