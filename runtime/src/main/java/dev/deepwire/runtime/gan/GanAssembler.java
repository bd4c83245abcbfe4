package dev.deepwire.runtime.gan;

import dev.deepwire.annotations.Loss;
import dev.deepwire.runtime.ModelGraph;
import dev.deepwire.runtime.ModelSignature;
import dev.deepwire.runtime.layers.LayerScope;
import dev.deepwire.runtime.training.Losses;
import dev.deepwire.runtime.training.Optimizers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Builds a GAN from two models into one graph: the generator under scope {@code generator}, the
 * discriminator under {@code discriminator} applied to real and to generated examples with one set of
 * weights, the two non-saturating losses, and one optimizer step per side that differentiates and updates
 * that side's weights only (each with the optimizer its own {@code @Model} declares).
 */
final class GanAssembler {

  static final String GENERATOR = "generator";
  static final String DISCRIMINATOR = "discriminator";

  private GanAssembler() {}

  static GanOps assemble(Graph graph, ModelGraph<?> generator, ModelGraph<?> discriminator, long seed) {
    ModelSignature g = single(generator.signature(), "generator");
    ModelSignature d = single(discriminator.signature(), "discriminator");
    checkFit(g, d);
    Ops tf = Ops.create(graph);
    Operand<TFloat32> training =
        tf.withName("training").placeholderWithDefault(tf.constant(0f), Shape.scalar());
    Operand<TInt64> step = tf.withName("step").placeholderWithDefault(tf.constant(0L), Shape.scalar());
    Placeholder<TFloat32> noise = placeholder(tf, "noise", g.inputs().get(0).shape());
    Placeholder<TFloat32> real = placeholder(tf, "real", d.inputs().get(0).shape());
    LayerScope root = LayerScope.root(tf, seed, training, step);

    Operand<TFloat32> generated = tf.withName("generated").identity(generator.forward(root.child(GENERATOR),
        Map.of(g.inputs().get(0).name(), noise)).get(g.outputs().get(0).name()));
    String dIn = d.inputs().get(0).name();
    String dOut = d.outputs().get(0).name();
    Operand<TFloat32> onReal = discriminator.forward(root.child(DISCRIMINATOR), Map.of(dIn, real)).get(dOut);
    Operand<TFloat32> onFake = discriminator.forward(root.child(DISCRIMINATOR), Map.of(dIn, generated)).get(dOut);

    Ops named = tf.withSubScope("gan_loss");
    Operand<TFloat32> dLoss = tf.withName("d_loss").math.add(
        bce(named, root, onReal, label(named, onReal, 1f)), bce(named, root, onFake, label(named, onFake, 0f)));
    // Non-saturating generator loss: -log D(G(z)) keeps gradients alive while D wins.
    Operand<TFloat32> gLoss = tf.withName("g_loss").identity(bce(named, root, onFake, label(named, onFake, 1f)));

    Map<String, Variable<TFloat32>> gWeights = side(root, GENERATOR);
    Map<String, Variable<TFloat32>> dWeights = side(root, DISCRIMINATOR);
    if (!root.losses().isEmpty()) {
      // A penalty belongs to one side, but LayerScope keeps loss terms without their owner.
      throw new IllegalArgumentException("weight and activity penalties are not supported inside a GAN's"
          + " generator or discriminator; remove kernelL1/kernelL2/@ActivityRegularization/@Sample from them");
    }
    Operand<TFloat32> learningRateD = tf.constant((float) d.learningRate());
    Operand<TFloat32> learningRateG = tf.constant((float) g.learningRate());
    Op dStep = Optimizers.minimize(graph, d.optimizer(), learningRateD, dLoss,
        List.copyOf(dWeights.values()), DISCRIMINATOR + ".");
    Op gStep = Optimizers.minimize(graph, g.optimizer(), learningRateG, gLoss,
        List.copyOf(gWeights.values()), GENERATOR + ".");
    if (!root.updates().isEmpty()) {
      // Moving statistics (batch norm) advance with the discriminator's step, which runs both networks.
      List<Op> ops = new ArrayList<>(root.updates());
      ops.add(dStep);
      dStep = tf.withControlDependencies(ops).noOp();
    }
    Operand<TFloat32> reported = tf.withName("gan_reported").stack(List.of(dLoss, gLoss,
        meanAll(tf, probability(tf, root, onReal)), meanAll(tf, probability(tf, root, onFake))));
    return new GanOps(noise, real, training, step, generated, reported, dStep, gStep, gWeights, dWeights);
  }

  private static ModelSignature single(ModelSignature signature, String role) {
    if (signature.inputs().size() != 1 || signature.outputs().size() != 1) {
      throw new IllegalArgumentException("the " + role + " needs one input and one output, but "
          + signature.name() + " has " + signature.inputs() + " and " + signature.outputs());
    }
    return signature;
  }

  /** The generator makes what the discriminator takes, and the discriminator gives one score. */
  private static void checkFit(ModelSignature g, ModelSignature d) {
    int[] made = g.outputs().get(0).shape();
    int[] taken = d.inputs().get(0).shape();
    if (!Arrays.equals(made, taken)) {
      throw new IllegalArgumentException("the discriminator " + d.name() + " takes " + Arrays.toString(taken)
          + " but the generator " + g.name() + " makes " + Arrays.toString(made) + "; make them agree");
    }
    if (d.outputs().get(0).size() != 1) {
      throw new IllegalArgumentException("the discriminator " + d.name() + " needs one score per example, but its"
          + " output is " + Arrays.toString(d.outputs().get(0).shape()) + "; end it with @Dense(units = 1)");
    }
  }

  private static Placeholder<TFloat32> placeholder(Ops tf, String name, int[] exampleShape) {
    long[] dims = new long[exampleShape.length + 1];
    dims[0] = -1;
    for (int i = 0; i < exampleShape.length; i++) {
      dims[i + 1] = exampleShape[i];
    }
    return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(Shape.of(dims)));
  }

  /** Binary cross-entropy of the discriminator's score; a linear score is taken as logits. */
  private static Operand<TFloat32> bce(Ops tf, LayerScope root, Operand<TFloat32> score, Operand<TFloat32> target) {
    Optional<Operand<TFloat32>> logits = root.logitsOf(score);
    return Losses.build(tf, Loss.BINARY_CROSSENTROPY, score, Optional.of(logits.orElse(score)), target);
  }

  /** A constant label shaped like {@code score}; StopGradient since OnesLike has no gradient in TF's registry. */
  private static Operand<TFloat32> label(Ops tf, Operand<TFloat32> score, float value) {
    return tf.stopGradient(tf.fill(tf.shape(score), tf.constant(value)));
  }

  private static Operand<TFloat32> probability(Ops tf, LayerScope root, Operand<TFloat32> score) {
    return root.logitsOf(score).isPresent() ? score : tf.math.sigmoid(score);
  }

  private static Operand<TFloat32> meanAll(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(tf.reshape(x, tf.constant(new int[] {-1})), tf.constant(0));
  }

  private static Map<String, Variable<TFloat32>> side(LayerScope root, String prefix) {
    Map<String, Variable<TFloat32>> weights = new LinkedHashMap<>();
    root.weights().forEach((path, variable) -> {
      if (path.startsWith(prefix + ".")) {
        weights.put(path, variable);
      }
    });
    return weights;
  }
}
