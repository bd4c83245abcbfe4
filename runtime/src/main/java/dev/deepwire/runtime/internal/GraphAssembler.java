package dev.deepwire.runtime.internal;

import dev.deepwire.annotations.DType;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.runtime.ModelGraph;
import dev.deepwire.runtime.ModelSignature;
import dev.deepwire.runtime.ModelSignature.InputSpec;
import dev.deepwire.runtime.ModelSignature.OutputSpec;
import dev.deepwire.runtime.layers.LayerScope;
import dev.deepwire.runtime.training.HingeLosses;
import dev.deepwire.runtime.training.Losses;
import dev.deepwire.runtime.training.Metrics;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Turns a {@link ModelGraph} into a trainable TF graph: placeholders, the forward pass, losses, metrics,
 * the train op, and restore ops for every variable.
 */
public final class GraphAssembler {

  private GraphAssembler() {}

  /** Builds {@code model} into {@code graph}, seeding its random ops from {@code seed}. */
  public static ModelOps assemble(Graph graph, ModelGraph<?> model, long seed) {
    return assemble(graph, model, seed, GraphHooks.LOCAL);
  }

  /** Builds {@code model} into {@code graph} with {@code hooks}' variable placement and train step. */
  public static ModelOps assemble(Graph graph, ModelGraph<?> model, long seed, GraphHooks hooks) {
    ModelSignature signature = model.signature();
    Ops tf = Ops.create(graph);
    Operand<TFloat32> training =
        tf.withName("training").placeholderWithDefault(tf.constant(0f), Shape.scalar());

    Map<String, Placeholder<?>> inputs = new LinkedHashMap<>();
    Map<String, Operand<TFloat32>> floatInputs = new LinkedHashMap<>();
    for (InputSpec input : signature.inputs()) {
      Placeholder<?> placeholder = placeholder(tf, "input." + input.name(), input.dtype(), input.shape());
      inputs.put(input.name(), placeholder);
      floatInputs.put(input.name(), asFloat(tf, placeholder));
    }

    Operand<TInt64> step = tf.withName("step").placeholderWithDefault(tf.constant(0L), Shape.scalar());
    LayerScope root = LayerScope.root(tf, seed, training, step, hooks.placement());
    Map<String, Operand<TFloat32>> forward = model.forward(root, floatInputs);

    Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
    Map<String, Placeholder<?>> targets = new LinkedHashMap<>();
    Map<String, Operand<TFloat32>> reported = new LinkedHashMap<>();
    List<Operand<TFloat32>> lossTerms = new ArrayList<>();
    // Layers that report terms of their own (a VAE's KL) also get each output's loss reported beside them.
    boolean severalLosses = signature.outputs().stream().filter(o -> o.loss() != Loss.NONE).count() > 1
        || !root.reports().isEmpty();

    for (OutputSpec spec : signature.outputs()) {
      Operand<TFloat32> raw = forward.get(spec.name());
      if (raw == null) {
        throw new IllegalStateException("forward() of " + signature.name() + " returned no '" + spec.name() + "'");
      }
      Optional<Operand<TFloat32>> logits = root.logitsOf(raw);
      Operand<TFloat32> output = tf.withName("output." + spec.name()).identity(raw);
      outputs.put(spec.name(), output);
      if (spec.loss() == Loss.NONE) {
        continue;
      }
      Operand<?> target;
      if (spec.loss() == Loss.TRIPLET) {
        target = output; // the triplet loss compares the output's own two distances: no targets to feed
      } else if (floatInputs.containsKey(spec.target())) {
        target = floatInputs.get(spec.target());
      } else {
        Placeholder<?> placeholder = spec.loss() == Loss.SPARSE_CATEGORICAL_CROSSENTROPY
            ? placeholder(tf, "target." + spec.name(), DType.INT32, classIndexShape(spec.shape()))
            : placeholder(tf, "target." + spec.name(), DType.FLOAT32, spec.shape());
        targets.put(spec.name(), placeholder);
        target = placeholder;
      }
      Ops named = tf.withSubScope("loss." + spec.name());
      // A mask on a categorical output (a sequence decoder's padded steps) keeps those positions out of the
      // loss and the accuracy. Other losses keep averaging every element, as before masks existed.
      Optional<Operand<TFloat32>> mask = spec.loss() == Loss.SPARSE_CATEGORICAL_CROSSENTROPY
          || spec.loss() == Loss.CATEGORICAL_CROSSENTROPY ? root.maskOf(raw) : Optional.empty();
      float margin = root.marginOf(raw).orElse(HingeLosses.DISTANCE_MARGIN); // @Distance(margin)
      Operand<TFloat32> loss = Losses.build(named, spec.loss(), output, logits, target, mask, margin);
      lossTerms.add(spec.weight() == 1.0 ? loss : tf.math.mul(loss, tf.constant((float) spec.weight())));
      if (severalLosses) {
        reported.put(spec.name() + "_loss", loss);
      }
      for (Metric metric : signature.metrics()) {
        String key = (severalLosses ? spec.name() + "_" : "") + metric.name().toLowerCase();
        reported.put(key, Metrics.build(named, metric, spec.loss(), output, target,
            metric == Metric.ACCURACY ? mask : Optional.empty()));
      }
    }

    Operand<TFloat32> learningRate = tf.withName("learning_rate").placeholderWithDefault(
        tf.constant((float) signature.learningRate()), Shape.scalar());
    Op trainOp = null;
    if (!lossTerms.isEmpty()) {
      lossTerms.addAll(root.losses());
      Operand<TFloat32> total = lossTerms.size() == 1
          ? lossTerms.get(0) : tf.math.addN(lossTerms);
      Map<String, Operand<TFloat32>> withTotal = new LinkedHashMap<>();
      withTotal.put("loss", tf.withName("total_loss").identity(total));
      withTotal.putAll(reported);
      withTotal.putAll(root.reports());
      reported = withTotal;
      trainOp = hooks.trainStep().build(graph, signature.optimizer(), learningRate, total,
          List.copyOf(root.weights().values()));
      if (!root.updates().isEmpty()) {
        List<Op> stepOps = new ArrayList<>(root.updates());
        stepOps.add(trainOp);
        trainOp = tf.withName("train_step").withControlDependencies(stepOps).noOp();
      }
    }
    // Each fetched tensor costs a JNI round trip per step: fetch the scalars as one vector.
    Operand<TFloat32> reportedVector = reported.isEmpty() ? null
        : tf.withName("reported").stack(List.copyOf(reported.values()));
    return new ModelOps(inputs, targets, training, learningRate, step, outputs, reported, reportedVector, trainOp,
        restoreSlots(graph, tf));
  }

  /** Sparse targets are class indices: the output's example shape without its class axis. */
  private static int[] classIndexShape(int[] outputShape) {
    return java.util.Arrays.copyOf(outputShape, Math.max(0, outputShape.length - 1));
  }

  private static Placeholder<?> placeholder(Ops tf, String name, DType dtype, int[] exampleShape) {
    long[] dims = new long[exampleShape.length + 1];
    dims[0] = -1;
    for (int i = 0; i < exampleShape.length; i++) {
      dims[i + 1] = exampleShape[i];
    }
    Placeholder.Options shape = Placeholder.shape(Shape.of(dims));
    return dtype == DType.INT32
        ? tf.withName(name).placeholder(TInt32.class, shape)
        : tf.withName(name).placeholder(TFloat32.class, shape);
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> asFloat(Ops tf, Placeholder<?> placeholder) {
    if (placeholder.type() == TFloat32.class) {
      return (Operand<TFloat32>) placeholder;
    }
    return tf.dtypes.cast(placeholder, TFloat32.class);
  }

  /** A feed-and-assign pair for each float variable in the graph (weights and optimizer state alike). */
  @SuppressWarnings("unchecked")
  private static List<ModelOps.VariableSlot> restoreSlots(Graph graph, Ops tf) {
    List<GraphOperation> variables = new ArrayList<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      DataType type = op.type().equals("VariableV2") ? op.output(0).dataType() : null;
      if (type == DataType.DT_FLOAT || type == DataType.DT_FLOAT_REF) { // float state, not step counters
        variables.add(op);
      }
    }
    List<ModelOps.VariableSlot> slots = new ArrayList<>();
    for (GraphOperation op : variables) {
      Variable<TFloat32> variable = new Variable<>(op);
      Placeholder<TFloat32> value = tf.withName("restore." + op.name())
          .placeholder(TFloat32.class, Placeholder.shape(op.output(0).shape()));
      Op assign = tf.withName("assign." + op.name()).assign(variable, value);
      slots.add(new ModelOps.VariableSlot(op.name(), variable, value, assign));
    }
    return slots;
  }
}
