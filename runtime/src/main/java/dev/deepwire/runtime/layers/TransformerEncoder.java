package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.ActivationFunction;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A stack of transformer encoder blocks (Vaswani et al. 2017; BERT): each block is multi-head self-attention
 * and a position-wise feed-forward network ({@code d -> feedForward -> d}), each wrapped in dropout, a
 * residual connection and layer normalisation — after the residual ({@code postNorm}, BERT's order) or before
 * the sub-layer ({@code preNorm}, which trains deep stacks more stably).
 *
 * <p>Input {@code [batch, T, d]}, output the same shape. A padding mask recorded on the input (an
 * {@code Embedding} with {@code maskZero}) keeps padded steps out of every attention, so real steps' outputs do
 * not depend on the padding; it is recorded again on the output. Block {@code i}'s weights live under
 * {@code layer<i>.attention}, {@code layer<i>.attentionNorm}, {@code layer<i>.feedForward1},
 * {@code layer<i>.feedForward2}, {@code layer<i>.feedForwardNorm}.
 */
public final class TransformerEncoder {

  private final int layers;
  private final int heads;
  private final int feedForward;
  private final double dropout;
  private final boolean preNorm;
  private final ActivationFunction activation;
  private final double epsilon;

  /**
   * @param layers blocks stacked
   * @param heads attention heads per block; the model width must be a multiple of it
   * @param feedForward the feed-forward network's hidden width
   * @param dropout dropout after attention, inside and after the feed-forward network (training only)
   * @param preNorm normalise before each sub-layer instead of after the residual
   * @param activation the feed-forward activation, GELU in BERT
   * @param epsilon the layer norms' epsilon
   */
  public TransformerEncoder(int layers, int heads, int feedForward, double dropout, boolean preNorm,
      ActivationFunction activation, double epsilon) {
    this.layers = Recurrent.requirePositive("layers", layers);
    this.heads = Recurrent.requirePositive("heads", heads);
    this.feedForward = Recurrent.requirePositive("feedForward", feedForward);
    if (dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    this.dropout = dropout;
    this.preNorm = preNorm;
    this.activation = activation;
    this.epsilon = epsilon;
  }

  /** Runs the blocks over {@code input}, honouring a mask recorded on it. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input) {
    return call(scope, input, scope.maskOf(input).orElse(null));
  }

  /** Runs the blocks over {@code input} with a padding mask {@code [batch, T]} (1 = real), or none. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> input, Operand<TFloat32> paddingMask) {
    long width = input.shape().numDimensions() == 3 ? input.shape().get(2) : -1;
    if (width < 1 || width % heads != 0) {
      throw new IllegalArgumentException("transformer encoder '" + scope.path() + "' needs an input [batch, time,"
          + " d] with d a multiple of heads = " + heads + ", got " + input.shape());
    }
    Operand<TFloat32> x = input;
    for (int i = 0; i < layers; i++) {
      x = block(scope.child("layer" + i), x, paddingMask, (int) (width / heads));
    }
    if (paddingMask != null) {
      scope.recordMask(x, paddingMask);
    }
    return x;
  }

  private Operand<TFloat32> block(LayerScope scope, Operand<TFloat32> x, Operand<TFloat32> mask, int keyDim) {
    Ops tf = scope.tf();
    MultiHeadAttention attention = new MultiHeadAttention(heads, keyDim, dropout);
    LayerNorm attentionNorm = new LayerNorm(epsilon);
    LayerNorm feedForwardNorm = new LayerNorm(epsilon);
    if (preNorm) {
      Operand<TFloat32> normed = attentionNorm.call(scope.child("attentionNorm"), x);
      Operand<TFloat32> attended = attention.call(scope.child("attention"), normed, mask, false).output();
      x = tf.math.add(x, drop(scope.child("attentionDropout"), attended));
      Operand<TFloat32> fed = feedForward(scope, feedForwardNorm.call(scope.child("feedForwardNorm"), x));
      return tf.math.add(x, drop(scope.child("feedForwardDropout"), fed));
    }
    Operand<TFloat32> attended = attention.call(scope.child("attention"), x, mask, false).output();
    x = attentionNorm.call(scope.child("attentionNorm"),
        tf.math.add(x, drop(scope.child("attentionDropout"), attended)));
    Operand<TFloat32> fed = feedForward(scope, x);
    return feedForwardNorm.call(scope.child("feedForwardNorm"),
        tf.math.add(x, drop(scope.child("feedForwardDropout"), fed)));
  }

  private Operand<TFloat32> feedForward(LayerScope scope, Operand<TFloat32> x) {
    Operand<TFloat32> hidden = Activations.apply(scope.tf(), activation, 0,
        MultiHeadAttention.project(scope.child("feedForward1"), x, feedForward));
    return MultiHeadAttention.project(scope.child("feedForward2"),
        drop(scope.child("feedForwardInnerDropout"), hidden), x.shape().get(2));
  }

  private Operand<TFloat32> drop(LayerScope scope, Operand<TFloat32> x) {
    return dropout > 0 ? new Dropout(dropout).call(scope, x) : x;
  }
}
