package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.runtime.sequence.GeneratorOps;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A transformer decoder generating tokens from encoder outputs (see {@code @TransformerDecoder}): the
 * decoder input tokens, embedded and given sinusoidal positions, pass {@code layers} pre-norm blocks of causal
 * self-attention, attention over the encoder outputs (padding masked) and a feed-forward network, then a final
 * layer norm and a projection to the vocabulary.
 *
 * <p>Training reads the whole teacher-forcing input at once (the causal mask keeps position {@code t} from
 * seeing later tokens) and records a mask on the output, so padded targets count in neither loss nor accuracy.
 *
 * <p>Generation uses the same {@link GeneratorOps} protocol as the recurrent decoder, so {@code
 * SequenceGenerator} and beam search work unchanged. A transformer has no recurrent state, so the "state" is
 * the tokens read so far ({@code state0 [rows, length]}, ids as floats, zeros ahead) and a one-hot of the
 * current position ({@code state1 [rows, length]}); each step writes the new token into the buffer, runs the
 * blocks over the whole buffer and reads the current position. That recomputes the prefix every step — cheap
 * for the short outputs this layer is for — and keeps every state row a fixed width. Generation is limited to
 * {@code length} steps (the decoder input's length); later steps stay on the last position.
 *
 * <p>Weights: {@code embedding.embeddings}, {@code layer<i>.selfAttention}, {@code layer<i>.crossAttention},
 * {@code layer<i>.feedForward1}, {@code layer<i>.feedForward2}, their {@code *Norm}s, {@code finalNorm},
 * {@code output.kernel [units, vocabulary]}, {@code output.bias}.
 */
public final class TransformerDecoder {

  private static final double EPSILON = 1e-6;

  private final int vocabulary;
  private final int units;
  private final int layers;
  private final int heads;
  private final int feedForward;
  private final double dropout;

  /**
   * @param vocabulary output token ids, the four specials included (at least 5)
   * @param units the model width: token embedding, attention and block outputs
   * @param layers the number of blocks
   * @param heads attention heads; {@code units} must be a multiple
   * @param feedForward the feed-forward hidden width
   * @param dropout dropout after each sub-layer and on attention weights while training, 0 for none
   */
  public TransformerDecoder(int vocabulary, int units, int layers, int heads, int feedForward, double dropout) {
    if (vocabulary < 5) {
      throw new IllegalArgumentException("a decoder vocabulary needs at least 5 ids (PAD, BOS, EOS, UNK and one"
          + " token), got " + vocabulary);
    }
    this.vocabulary = vocabulary;
    this.units = Recurrent.requirePositive("units", units);
    this.layers = Recurrent.requirePositive("layers", layers);
    this.heads = Recurrent.requirePositive("heads", heads);
    this.feedForward = Recurrent.requirePositive("feedForward", feedForward);
    if (units % heads != 0) {
      throw new IllegalArgumentException("units = " + units + " must be a multiple of heads = " + heads);
    }
    if (dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    this.dropout = dropout;
  }

  /**
   * Builds the teacher-forced decoder and its one-step generation graph.
   *
   * @param encoding encoder outputs {@code [batch, time, key]}; a mask recorded on them hides padding
   * @param previous the decoder input ids {@code [batch, length]}: BOS and the targets shifted right
   * @return next-token probabilities {@code [batch, length, vocabulary]}
   */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> encoding, Operand<TFloat32> previous) {
    Shape memoryShape = encoding.shape();
    if (memoryShape.numDimensions() != 3 || memoryShape.get(1) < 1 || memoryShape.get(2) < 1) {
      throw new IllegalArgumentException("transformer decoder '" + scope.path() + "' needs encoder outputs [batch,"
          + " time, key] with known sizes, got " + memoryShape);
    }
    if (previous.shape().numDimensions() != 2 || previous.shape().get(1) < 1) {
      throw new IllegalArgumentException("transformer decoder '" + scope.path() + "' needs input tokens [batch,"
          + " length], got " + previous.shape());
    }
    Ops tf = scope.tf();
    Operand<TFloat32> memoryMask = scope.maskOf(encoding).orElseGet(() -> SequenceDecoder.ones(tf, encoding));
    Operand<TFloat32> probabilities = Activations.apply(scope, ActivationFunction.SOFTMAX, 0,
        decode(scope, encoding, memoryMask, previous).logits());
    scope.recordMask(probabilities, tf.dtypes.cast(tf.math.notEqual(previous, tf.constant(0f)), TFloat32.class));
    buildGenerator(scope, encoding, memoryMask, (int) previous.shape().get(1));
    return probabilities;
  }

  /** Logits {@code [batch, length, vocabulary]} and the last block's attention over the memory. */
  private record Decoded(Operand<TFloat32> logits, Operand<TFloat32> memoryWeights) {}

  private Decoded decode(LayerScope scope, Operand<TFloat32> memory, Operand<TFloat32> memoryMask,
      Operand<TFloat32> tokens) {
    Ops tf = scope.tf();
    Operand<TFloat32> embedded = new Embedding(vocabulary, units, false).call(scope.child("embedding"), tokens);
    // Scaled as in Vaswani et al., so the positions do not drown the small initial embeddings.
    Operand<TFloat32> x = new PositionalEmbedding(PositionalEmbedding.Kind.SINUSOIDAL).call(scope.child("positions"),
        tf.math.mul(embedded, tf.constant((float) Math.sqrt(units))));
    Operand<TFloat32> memoryWeights = null;
    for (int i = 0; i < layers; i++) {
      LayerScope layer = scope.child("layer" + i);
      MultiHeadAttention attention = new MultiHeadAttention(heads, units / heads, dropout);
      Operand<TFloat32> normed = norm(layer, "selfAttentionNorm", x);
      x = residual(layer, "selfAttentionDropout", x,
          attention.call(layer.child("selfAttention"), normed, null, true).output());
      MultiHeadAttention.Result attended =
          attention.call(layer.child("crossAttention"), norm(layer, "crossAttentionNorm", x), memory, memoryMask,
              false);
      x = residual(layer, "crossAttentionDropout", x, attended.output());
      memoryWeights = attended.weights();
      Operand<TFloat32> hidden = Activations.apply(tf, ActivationFunction.GELU, 0,
          MultiHeadAttention.project(layer.child("feedForward1"), norm(layer, "feedForwardNorm", x), feedForward));
      x = residual(layer, "feedForwardDropout", x,
          MultiHeadAttention.project(layer.child("feedForward2"), hidden, units));
    }
    Operand<TFloat32> logits =
        MultiHeadAttention.project(scope.child("output"), norm(scope, "finalNorm", x), vocabulary);
    return new Decoded(logits, memoryWeights);
  }

  private static Operand<TFloat32> norm(LayerScope scope, String name, Operand<TFloat32> x) {
    return new LayerNorm(EPSILON).call(scope.child(name), x);
  }

  private Operand<TFloat32> residual(LayerScope scope, String dropoutName, Operand<TFloat32> x,
      Operand<TFloat32> sublayer) {
    Operand<TFloat32> dropped = dropout > 0 ? new Dropout(dropout).call(scope.child(dropoutName), sublayer) : sublayer;
    return scope.tf().math.add(x, dropped);
  }

  /** The one-step graph on placeholders, named by {@link GeneratorOps}. */
  private void buildGenerator(LayerScope scope, Operand<TFloat32> encoding, Operand<TFloat32> memoryMask,
      int length) {
    Ops tf = scope.tf();
    tf.withName(GeneratorOps.local(GeneratorOps.ENCODED)).identity(encoding);
    tf.withName(GeneratorOps.local(GeneratorOps.ENCODED_MASK)).identity(memoryMask);
    long time = encoding.shape().get(1);
    Operand<TFloat32> memory = tf.withName(GeneratorOps.local(GeneratorOps.MEMORY))
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, time, encoding.shape().get(2))));
    Operand<TFloat32> mask = tf.withName(GeneratorOps.local(GeneratorOps.MEMORY_MASK))
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, time)));

    // Before the first step: an empty buffer, positioned at 0.
    Operand<TInt32> rows = tf.slice(tf.shape(memory), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TFloat32> empty = tf.fill(tf.concat(List.of(rows, tf.constant(new int[] {length})), tf.constant(0)),
        tf.constant(0f));
    Operand<TFloat32> firstColumn = tf.fill(tf.concat(List.of(rows, tf.constant(new int[] {1})), tf.constant(0)),
        tf.constant(1f));
    tf.withName(GeneratorOps.local(GeneratorOps.INITIAL + 0)).identity(empty);
    tf.withName(GeneratorOps.local(GeneratorOps.INITIAL + 1)).identity(tf.concat(List.of(firstColumn,
        tf.slice(empty, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, length - 1}))), tf.constant(1)));

    Operand<TFloat32> buffer = tf.withName(GeneratorOps.local(GeneratorOps.STATE + 0))
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, length)));
    Operand<TFloat32> position = tf.withName(GeneratorOps.local(GeneratorOps.STATE + 1))
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, length)));
    Operand<TFloat32> token = tf.withName(GeneratorOps.local(GeneratorOps.TOKEN))
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
    Operand<TFloat32> written = tf.math.add(buffer, tf.math.mul(position, tf.expandDims(token, tf.constant(1))));
    Decoded decoded = decode(scope, memory, mask, written);
    Operand<TFloat32> here = tf.expandDims(position, tf.constant(2));
    Operand<TFloat32> logits = tf.sum(tf.math.mul(decoded.logits(), here), tf.constant(1));
    tf.withName(GeneratorOps.local(GeneratorOps.NEXT + 0)).identity(written);
    tf.withName(GeneratorOps.local(GeneratorOps.NEXT + 1)).identity(advance(tf, position, length));
    tf.withName(GeneratorOps.local(GeneratorOps.LOG_PROBABILITIES)).nn.logSoftmax(logits);
    // The last block's weights over the memory at the current position, averaged over heads: [rows, time].
    Operand<TFloat32> weights = tf.math.mean(decoded.memoryWeights(), tf.constant(1));
    tf.withName(GeneratorOps.local(GeneratorOps.ATTENTION)).sum(tf.math.mul(weights, here), tf.constant(1));
  }

  /** The one-hot moved one position on, staying on the last position once there. */
  private static Operand<TFloat32> advance(Ops tf, Operand<TFloat32> position, int length) {
    if (length == 1) {
      return position;
    }
    Operand<TFloat32> allButLast =
        tf.slice(position, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, length - 1}));
    Operand<TFloat32> last = tf.slice(position, tf.constant(new int[] {0, length - 1}), tf.constant(new int[] {-1, 1}));
    Operand<TFloat32> zeroColumn = tf.math.mul(last, tf.constant(0f));
    Operand<TFloat32> shifted = tf.concat(List.of(zeroColumn, allButLast), tf.constant(1));
    Operand<TFloat32> kept = tf.concat(List.of(tf.math.mul(allButLast, tf.constant(0f)), last), tf.constant(1));
    return tf.math.add(shifted, kept);
  }

}
