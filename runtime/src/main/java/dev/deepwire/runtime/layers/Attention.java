package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.AttentionScore;
import dev.deepwire.annotations.Initializer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TFloat32;

/**
 * Attention of a query over a memory of encoder outputs, as sequence decoders use it at every step.
 *
 * <ul>
 *   <li>{@code ADDITIVE} (Bahdanau et al. 2015): {@code score_t = vᵀ tanh(W_q q + W_k k_t)}, weights
 *       {@code queryKernel [query, units]}, {@code keyKernel [key, units]}, {@code scoreVector [units]}.
 *   <li>{@code MULTIPLICATIVE} (Luong et al. 2015, "general"): {@code score_t = qᵀ W k_t}, weight
 *       {@code kernel [query, key]}.
 * </ul>
 *
 * <p>The weights are {@code softmax_t(score_t)} over the real steps of each sequence: a padded step's score
 * is pushed to {@code -1e9} before the softmax, so its weight is exactly zero and the others sum to one. The
 * context is the weighted sum of the memory rows. The key projection of the additive score depends only on
 * the memory, so {@link #over} computes it once and every decoder step reuses it.
 *
 * <pre>{@code
 * Attention.Memory memory = new Attention(ADDITIVE, 64).over(scope.child("attention"), encoded, mask);
 * Attention.Attended step = memory.attend(decoderState);   // context [batch, key], weights [batch, time]
 * }</pre>
 */
public final class Attention {

  /** A padded step's score: far below any real score, so its softmax weight underflows to exactly 0. */
  private static final float MASKED_SCORE = -1e9f;

  private final AttentionScore score;
  private final int units;

  /**
   * @param score the scoring function
   * @param units the width of the additive score's hidden layer (ignored by the multiplicative score)
   */
  public Attention(AttentionScore score, int units) {
    if (score == AttentionScore.NONE) {
      throw new IllegalArgumentException("attention needs a score, got NONE");
    }
    if (score == AttentionScore.ADDITIVE && units < 1) {
      throw new IllegalArgumentException("additive attention needs units >= 1, got " + units);
    }
    this.score = score;
    this.units = units;
  }

  /**
   * Prepares attention over {@code memory} {@code [batch, time, key]}; {@code mask} {@code [batch, time]}
   * holds 1 for real steps and 0 for padding, or is null when every step is real.
   */
  public Memory over(LayerScope scope, Operand<TFloat32> memory, Operand<TFloat32> mask) {
    Shape shape = memory.shape();
    if (shape.numDimensions() != 3 || shape.get(1) < 1 || shape.get(2) < 1) {
      throw new IllegalArgumentException("attention '" + scope.path() + "' needs a memory [batch, time, key]"
          + " with known time and key, got " + shape);
    }
    if (mask != null && (mask.shape().numDimensions() != 2 || mask.shape().get(1) != shape.get(1))) {
      throw new IllegalArgumentException("attention '" + scope.path() + "' needs a mask [batch, " + shape.get(1)
          + "], got " + mask.shape());
    }
    Ops tf = scope.tf();
    long time = shape.get(1);
    long key = shape.get(2);
    Operand<TFloat32> projectedKeys = null;
    if (score == AttentionScore.ADDITIVE) {
      Operand<TFloat32> keyKernel = scope.weight("keyKernel", Shape.of(key, units), Initializer.GLOROT_UNIFORM);
      Operand<TFloat32> rows = tf.reshape(memory, tf.constant(new long[] {-1, key}));
      projectedKeys = tf.reshape(tf.linalg.matMul(rows, keyKernel), tf.constant(new long[] {-1, time, units}));
    }
    return new Memory(scope, memory, mask, projectedKeys);
  }

  /**
   * The result of one attention step.
   *
   * @param context the weighted memory {@code [batch, key]}
   * @param weights the attention weights {@code [batch, time]}, zero on padding, summing to 1
   */
  public record Attended(Operand<TFloat32> context, Operand<TFloat32> weights) {}

  /** A memory prepared for attention; {@link #attend} may be called once per decoder step. */
  public final class Memory {
    private final LayerScope scope;
    private final Operand<TFloat32> memory;
    private final Operand<TFloat32> mask;
    private final Operand<TFloat32> projectedKeys;

    private Memory(LayerScope scope, Operand<TFloat32> memory, Operand<TFloat32> mask,
        Operand<TFloat32> projectedKeys) {
      this.scope = scope;
      this.memory = memory;
      this.mask = mask;
      this.projectedKeys = projectedKeys;
    }

    /** Attends with {@code query} {@code [batch, query]}. Every call shares the same weights. */
    public Attended attend(Operand<TFloat32> query) {
      Shape q = query.shape();
      if (q.numDimensions() != 2 || q.get(1) < 1) {
        throw new IllegalArgumentException("attention '" + scope.path() + "' needs a query [batch, features],"
            + " got " + q);
      }
      Ops tf = scope.tf();
      Operand<TFloat32> scores = score == AttentionScore.ADDITIVE ? additive(tf, query) : multiplicative(tf, query);
      if (mask != null) {
        Operand<TFloat32> padding = tf.math.sub(tf.constant(1f), mask);
        scores = tf.math.add(tf.math.mul(scores, mask), tf.math.mul(padding, tf.constant(MASKED_SCORE)));
      }
      Operand<TFloat32> weights = tf.nn.softmax(scores);
      Operand<TFloat32> context = tf.reshape(
          tf.train.batchMatMul(tf.expandDims(weights, tf.constant(1)), memory, TFloat32.class),
          tf.constant(new long[] {-1, memory.shape().get(2)}));
      return new Attended(context, weights);
    }

    private Operand<TFloat32> additive(Ops tf, Operand<TFloat32> query) {
      Operand<TFloat32> queryKernel =
          scope.weight("queryKernel", Shape.of(query.shape().get(1), units), Initializer.GLOROT_UNIFORM);
      Operand<TFloat32> scoreVector =
          scope.weight("scoreVector", Shape.of(units, 1), Initializer.GLOROT_UNIFORM);
      Operand<TFloat32> projectedQuery = tf.expandDims(tf.linalg.matMul(query, queryKernel), tf.constant(1));
      Operand<TFloat32> hidden = tf.math.tanh(tf.math.add(projectedKeys, projectedQuery));
      long time = memory.shape().get(1);
      Operand<TFloat32> rows = tf.reshape(hidden, tf.constant(new long[] {-1, units}));
      return tf.reshape(tf.linalg.matMul(rows, scoreVector), tf.constant(new long[] {-1, time}));
    }

    private Operand<TFloat32> multiplicative(Ops tf, Operand<TFloat32> query) {
      long key = memory.shape().get(2);
      Operand<TFloat32> kernel = scope.weight("kernel", Shape.of(query.shape().get(1), key),
          Initializer.GLOROT_UNIFORM);
      Operand<TFloat32> projected = tf.expandDims(tf.linalg.matMul(query, kernel), tf.constant(2));
      // [batch, time, key] · [batch, key, 1] = [batch, time, 1]
      return tf.squeeze(tf.train.batchMatMul(memory, projected, TFloat32.class), Squeeze.axis(List.of(2L)));
    }
  }
}
