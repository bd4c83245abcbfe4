package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.Initializer;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;

/**
 * Multi-head scaled dot-product attention (Vaswani et al. 2017): each of {@code heads} heads projects the
 * queries, keys and values to {@code keyDim}, weighs the values by {@code softmax(q kᵀ / sqrt(keyDim))}, and
 * the heads' outputs, concatenated, are projected back to the query's width.
 *
 * <p>Inputs {@code query [batch, Tq, d]} and {@code memory [batch, Tv, d']} (the same tensor for
 * self-attention); the memory gives keys and values. Masks: a padding mask {@code [batch, Tv]} (1 = real) and a
 * causal flag (query position {@code i} sees memory positions {@code <= i}, for decoders). A masked position's
 * score is pushed to {@code -1e9} so its weight is exactly zero. Weights: {@code query.kernel [d, h*k]},
 * {@code key.kernel [d', h*k]}, {@code value.kernel [d', h*k]}, {@code output.kernel [h*k, d]}, each with a
 * bias. Dropout (training only) applies to the attention weights.
 */
public final class MultiHeadAttention {

  private static final float MASKED_SCORE = -1e9f;

  private final int heads;
  private final int keyDim;
  private final double dropout;

  /**
   * @param heads the number of heads
   * @param keyDim each head's query, key and value width
   * @param dropout the dropout rate on attention weights while training, 0 for none
   */
  public MultiHeadAttention(int heads, int keyDim, double dropout) {
    this.heads = Recurrent.requirePositive("heads", heads);
    this.keyDim = Recurrent.requirePositive("keyDim", keyDim);
    if (dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    this.dropout = dropout;
  }

  /**
   * The attention output and weights.
   *
   * @param output {@code [batch, Tq, d]}
   * @param weights {@code [batch, heads, Tq, Tv]}, before dropout
   */
  public record Result(Operand<TFloat32> output, Operand<TFloat32> weights) {}

  /**
   * Self-attention of {@code input}, honouring a padding mask recorded on it; the output carries the same mask
   * so later layers (pooling, recurrent) keep skipping the padding.
   */
  public Operand<TFloat32> apply(LayerScope scope, Operand<TFloat32> input, boolean causal) {
    return apply(scope, input, input, causal);
  }

  /** Attention of {@code query} over {@code memory}, honouring a mask recorded on the memory. */
  public Operand<TFloat32> apply(LayerScope scope, Operand<TFloat32> query, Operand<TFloat32> memory,
      boolean causal) {
    Operand<TFloat32> out = call(scope, query, memory, scope.maskOf(memory).orElse(null), causal).output();
    scope.maskOf(query).ifPresent(mask -> scope.recordMask(out, mask));
    return out;
  }

  /** Self-attention of {@code input} over itself. */
  public Result call(LayerScope scope, Operand<TFloat32> input, Operand<TFloat32> paddingMask, boolean causal) {
    return call(scope, input, input, paddingMask, causal);
  }

  /** Attention of {@code query} over {@code memory}. */
  public Result call(LayerScope scope, Operand<TFloat32> query, Operand<TFloat32> memory,
      Operand<TFloat32> paddingMask, boolean causal) {
    long queryTime = requireSequence(scope, "query", query).get(1);
    long memoryTime = requireSequence(scope, "memory", memory).get(1);
    if (paddingMask != null && (paddingMask.shape().numDimensions() != 2
        || paddingMask.shape().get(1) != memoryTime)) {
      throw new IllegalArgumentException("attention '" + scope.path() + "' needs a padding mask [batch, "
          + memoryTime + "], got " + paddingMask.shape());
    }
    if (causal && queryTime != memoryTime) {
      throw new IllegalArgumentException("attention '" + scope.path() + "': a causal mask needs as many query as"
          + " memory steps, got " + queryTime + " and " + memoryTime);
    }
    Ops tf = scope.tf();
    Operand<TFloat32> q = heads(tf, project(scope.child("query"), query, heads * keyDim), queryTime);
    Operand<TFloat32> k = heads(tf, project(scope.child("key"), memory, heads * keyDim), memoryTime);
    Operand<TFloat32> v = heads(tf, project(scope.child("value"), memory, heads * keyDim), memoryTime);
    Operand<TFloat32> scores = tf.math.mul(tf.train.batchMatMul(q, k, TFloat32.class, BatchMatMul.adjY(true)),
        tf.constant((float) (1 / Math.sqrt(keyDim))));
    Operand<TFloat32> allowed = allowed(tf, paddingMask, causal, queryTime, memoryTime);
    if (allowed != null) {
      scores = tf.math.add(tf.math.mul(scores, allowed),
          tf.math.mul(tf.math.sub(tf.constant(1f), allowed), tf.constant(MASKED_SCORE)));
    }
    Operand<TFloat32> weights = tf.nn.softmax(scores);
    Operand<TFloat32> used = dropout > 0 ? new Dropout(dropout).call(scope.child("dropout"), weights) : weights;
    // [batch, heads, Tq, k] -> [batch, Tq, heads * k]
    Operand<TFloat32> merged = tf.reshape(
        tf.linalg.transpose(tf.train.batchMatMul(used, v, TFloat32.class), tf.constant(new int[] {0, 2, 1, 3})),
        tf.constant(new long[] {-1, queryTime, (long) heads * keyDim}));
    Operand<TFloat32> output = project(scope.child("output"), merged, query.shape().get(2));
    return new Result(output, weights);
  }

  /** 1 where query position i may look at memory position j, as {@code [batch or 1, 1, Tq, Tv]}; null if all. */
  private static Operand<TFloat32> allowed(Ops tf, Operand<TFloat32> paddingMask, boolean causal, long queryTime,
      long memoryTime) {
    Operand<TFloat32> allowed = null;
    if (paddingMask != null) {
      allowed = tf.reshape(paddingMask, tf.constant(new long[] {-1, 1, 1, memoryTime}));
    }
    if (causal) {
      float[][] lower = new float[(int) queryTime][(int) memoryTime];
      for (int i = 0; i < queryTime; i++) {
        for (int j = 0; j <= i; j++) {
          lower[i][j] = 1;
        }
      }
      Operand<TFloat32> triangle = tf.reshape(tf.constant(lower), tf.constant(new long[] {1, 1, queryTime,
          memoryTime}));
      allowed = allowed == null ? triangle : tf.math.mul(allowed, triangle);
    }
    return allowed;
  }

  /** {@code x [batch, T, d] · kernel [d, width] + bias}, as one matrix product over all positions. */
  static Operand<TFloat32> project(LayerScope scope, Operand<TFloat32> x, long width) {
    Ops tf = scope.tf();
    long time = x.shape().get(1);
    long features = x.shape().get(2);
    Operand<TFloat32> kernel = scope.weight("kernel", Shape.of(features, width), Initializer.GLOROT_UNIFORM);
    Operand<TFloat32> bias = scope.weight("bias", Shape.of(width), Initializer.ZEROS);
    Operand<TFloat32> rows = tf.nn.biasAdd(
        tf.linalg.matMul(tf.reshape(x, tf.constant(new long[] {-1, features})), kernel), bias);
    return tf.reshape(rows, tf.constant(new long[] {-1, time, width}));
  }

  /** {@code [batch, T, heads * k]} to {@code [batch, heads, T, k]}. */
  private Operand<TFloat32> heads(Ops tf, Operand<TFloat32> x, long time) {
    Operand<TFloat32> split = tf.reshape(x, tf.constant(new long[] {-1, time, heads, keyDim}));
    return tf.linalg.transpose(split, tf.constant(new int[] {0, 2, 1, 3}));
  }

  private static Shape requireSequence(LayerScope scope, String what, Operand<TFloat32> x) {
    Shape shape = x.shape();
    if (shape.numDimensions() != 3 || shape.get(1) < 1 || shape.get(2) < 1) {
      throw new IllegalArgumentException("attention '" + scope.path() + "' needs a " + what
          + " [batch, time, features] with known time and features, got " + shape);
    }
    return shape;
  }
}
