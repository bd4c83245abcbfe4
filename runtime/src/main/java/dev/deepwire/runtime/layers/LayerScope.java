package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.Initializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Where a layer builds its part of the graph: the {@link Ops} to build with, its weights, the training
 * flag, seeds, and a place to leave extra losses (regularisers).
 *
 * <p>Weights are keyed by the scope's path: a second {@link #child(String)} with the same name returns
 * the same weights. That is how a sub-model used twice shares one set of weights.
 */
public final class LayerScope {

  /** State shared by a root scope and all its children. */
  private static final class Shared {
    final Ops rootOps;
    final long seed;
    final Operand<TFloat32> training;
    final Operand<TInt64> step;
    final VariablePlacement placement;
    final Map<String, Variable<TFloat32>> weights = new LinkedHashMap<>();
    final Map<String, Variable<TFloat32>> states = new LinkedHashMap<>();
    final List<Op> updates = new ArrayList<>();
    final List<Operand<TFloat32>> losses = new ArrayList<>();
    final Map<String, Operand<TFloat32>> reports = new LinkedHashMap<>();
    final Map<Operand<TFloat32>, Operand<TFloat32>> logits = new IdentityHashMap<>();
    final Map<Operand<TFloat32>, Operand<TFloat32>> masks = new IdentityHashMap<>();
    final Map<Operand<TFloat32>, Float> margins = new IdentityHashMap<>();
    final Map<Operand<TFloat32>, List<Operand<TFloat32>>> finalStates = new IdentityHashMap<>();
    RecurrentStates recurrentStates;

    Shared(Ops rootOps, long seed, Operand<TFloat32> training, Operand<TInt64> step, VariablePlacement placement) {
      this.rootOps = rootOps;
      this.seed = seed;
      this.training = training;
      this.step = step;
      this.placement = placement;
    }
  }

  private final Shared shared;
  private final String path;
  private final Ops tf;

  private LayerScope(Shared shared, String path, Ops tf) {
    this.shared = shared;
    this.path = path;
    this.tf = tf;
  }

  /**
   * A root scope.
   *
   * @param seed the model seed: every initialiser and dropout mask derives its own seed from it
   * @param training a float scalar, 1 while training and 0 otherwise
   */
  public static LayerScope root(Ops tf, long seed, Operand<TFloat32> training) {
    return root(tf, seed, training, tf.constant(0L));
  }

  /**
   * A root scope whose random layers draw from {@code step}.
   *
   * @param step an int64 scalar, the training step: random ops are stateless and keyed by it, so a run
   *     resumed from a checkpoint draws exactly the masks the uninterrupted run would have drawn
   */
  public static LayerScope root(Ops tf, long seed, Operand<TFloat32> training, Operand<TInt64> step) {
    return root(tf, seed, training, step, VariablePlacement.LOCAL);
  }

  /** A root scope whose weights and states are created where {@code placement} says (e.g. on a parameter server). */
  public static LayerScope root(Ops tf, long seed, Operand<TFloat32> training, Operand<TInt64> step,
      VariablePlacement placement) {
    return new LayerScope(new Shared(tf, seed, training, step, placement), "", tf);
  }

  /** The scope of a layer (or sub-model) called {@code name} inside this one. */
  public LayerScope child(String name) {
    String childPath = path.isEmpty() ? name : path + "." + name;
    return new LayerScope(shared, childPath, tf.withSubScope(name));
  }

  /** Ops whose names start with this scope's path. */
  public Ops tf() {
    return tf;
  }

  /** The dotted path of this scope, e.g. {@code tower.hidden}; empty for the root. */
  public String path() {
    return path;
  }

  /** 1 while training, 0 at inference; layers such as dropout scale by it. */
  public Operand<TFloat32> training() {
    return shared.training;
  }

  /** The training step, an int64 scalar: the second half of stateless random seeds. */
  public Operand<TInt64> step() {
    return shared.step;
  }

  /** A seed for a random op of this scope, stable across runs for the same model seed and path. */
  public long seed(String purpose) {
    long h = 1125899906842597L;
    for (char c : (path + "/" + purpose).toCharArray()) {
      h = 31 * h + c;
    }
    return shared.seed ^ h;
  }

  /**
   * This scope's weight called {@code name}, created on first use and shared afterwards.
   *
   * @return the weight's value, read through {@code Identity}: layer math must not consume the raw
   *     variable (TF 1.1.0 crashes differentiating {@code Square} of a variable directly)
   */
  public Operand<TFloat32> weight(String name, Shape shape, Initializer initializer) {
    return weight(name, shape, (ops, seed) -> Initializers.create(ops, initializer, shape, seed));
  }

  /** Builds a weight's initial value on the root {@link Ops} from the weight's own seed. */
  @FunctionalInterface
  public interface WeightInit {
    Operand<TFloat32> create(Ops rootOps, long seed);
  }

  /**
   * This scope's weight called {@code name} with a custom initial value (e.g. LSTM's unit forget bias or an
   * orthogonal recurrent kernel), created on first use and shared afterwards; read through {@code Identity}.
   */
  public Operand<TFloat32> weight(String name, Shape shape, WeightInit initializer) {
    String key = path.isEmpty() ? name : path + "." + name;
    Variable<TFloat32> variable = shared.weights.get(key);
    if (variable == null) {
      Operand<TFloat32> init = initializer.create(shared.rootOps, seed(name));
      // Optimizer slot names are derived from the variable name and must not contain '/', hence the
      // root scope and a dotted name.
      variable = shared.placement.place(shared.rootOps.withName(key), key, shape).variable(init);
      shared.weights.put(key, variable);
    } else if (!variable.shape().equals(shape)) {
      throw new IllegalStateException(
          "weight '" + key + "' is shared with shape " + variable.shape() + " but asked for " + shape);
    }
    return tf.identity(variable);
  }

  /**
   * This scope's non-trainable variable called {@code name} (e.g. a moving average), filled with
   * {@code initial}, created on first use and shared afterwards. Checkpoints save it; optimizers leave it.
   *
   * @return the variable itself, to assign to; read it through {@code tf.identity}
   */
  public Variable<TFloat32> state(String name, Shape shape, float initial) {
    String key = path.isEmpty() ? name : path + "." + name;
    Variable<TFloat32> variable = shared.states.get(key);
    if (variable == null) {
      Operand<TFloat32> init = shared.rootOps.fill(shared.rootOps.constant(shape.asArray()),
          shared.rootOps.constant(initial));
      variable = shared.placement.place(shared.rootOps.withName(key), key, shape).variable(init);
      shared.states.put(key, variable);
    } else if (!variable.shape().equals(shape)) {
      throw new IllegalStateException(
          "state '" + key + "' is shared with shape " + variable.shape() + " but asked for " + shape);
    }
    return variable;
  }

  /** Adds an op that must run with every train step, e.g. a moving-average update. */
  public void addUpdate(Op update) {
    shared.updates.add(update);
  }

  /** All update ops added so far. */
  public List<Op> updates() {
    return Collections.unmodifiableList(shared.updates);
  }

  /** Adds a term to the model's loss, e.g. a weight penalty. */
  public void addLoss(Operand<TFloat32> term) {
    shared.losses.add(term);
  }

  /**
   * Reports a per-batch scalar of this layer each epoch under {@code name} (e.g. a VAE's {@code kl}); a
   * second report of the same name is prefixed with this scope's path.
   */
  public void report(String name, Operand<TFloat32> value) {
    String key = shared.reports.containsKey(name) ? path + "_" + name : name;
    shared.reports.put(key, value);
  }

  /** The scalars layers asked to report, by name. */
  public Map<String, Operand<TFloat32>> reports() {
    return Collections.unmodifiableMap(shared.reports);
  }

  /**
   * Remembers the pre-activation of a softmax or sigmoid output, so losses can use the numerically
   * stable fused ops on logits.
   */
  public void recordLogits(Operand<TFloat32> activated, Operand<TFloat32> logits) {
    shared.logits.put(activated, logits);
  }

  /** The logits recorded for {@code activated}, if a layer recorded any. */
  public Optional<Operand<TFloat32>> logitsOf(Operand<TFloat32> activated) {
    return Optional.ofNullable(shared.logits.get(activated));
  }

  /**
   * Remembers which time steps of a sequence {@code output} are real: a float {@code [batch, time]} mask of
   * ones and zeros (from {@code Embedding(maskZero)} or {@code Masking}), which recurrent layers consuming
   * {@code output} honour.
   */
  public void recordMask(Operand<TFloat32> output, Operand<TFloat32> mask) {
    shared.masks.put(output, mask);
  }

  /** The time-step mask recorded for {@code sequence}, if a layer recorded one. */
  public Optional<Operand<TFloat32>> maskOf(Operand<TFloat32> sequence) {
    return Optional.ofNullable(shared.masks.get(sequence));
  }

  /** Remembers the margin that contrastive and triplet losses use on the distances {@code output}. */
  public void recordMargin(Operand<TFloat32> output, float margin) {
    shared.margins.put(output, margin);
  }

  /** The margin recorded for {@code distances}, if a distance layer recorded one. */
  public Optional<Float> marginOf(Operand<TFloat32> distances) {
    return Optional.ofNullable(shared.margins.get(distances));
  }

  /** Remembers the final states of the recurrent layer whose output is {@code output}, for {@link FinalState}. */
  public void recordStates(Operand<TFloat32> output, List<Operand<TFloat32>> states) {
    shared.finalStates.put(output, List.copyOf(states));
  }

  /** The final states recorded for a recurrent layer's {@code output}, if it is one. */
  public Optional<List<Operand<TFloat32>>> statesOf(Operand<TFloat32> output) {
    return Optional.ofNullable(shared.finalStates.get(output));
  }

  /**
   * Makes every recurrent layer built under this scope tree start from, and report its final states to,
   * {@code states} (step-by-step inference); returns this scope.
   */
  public LayerScope carryStates(RecurrentStates states) {
    shared.recurrentStates = states;
    return this;
  }

  /** The carrier of recurrent states set by {@link #carryStates}, if any. */
  public Optional<RecurrentStates> recurrentStates() {
    return Optional.ofNullable(shared.recurrentStates);
  }

  /** All weights created so far, by dotted path. */
  public Map<String, Variable<TFloat32>> weights() {
    return Collections.unmodifiableMap(shared.weights);
  }

  /** All extra loss terms added so far. */
  public List<Operand<TFloat32>> losses() {
    return Collections.unmodifiableList(shared.losses);
  }
}
