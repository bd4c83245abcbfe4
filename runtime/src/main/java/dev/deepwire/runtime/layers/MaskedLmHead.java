package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.Initializer;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * BERT's masked-language-model head: the vectors of the chosen positions of each sequence go through a dense GELU
 * transform and a layer norm, then every token is scored with the token-embedding table itself
 * ({@code logits = h · Eᵀ + b}: the output projection is tied to the embedding, one variable for both), and a
 * softmax gives {@code [batch, slots, vocabulary]}.
 *
 * <p>Inputs: the encoded sequence {@code [batch, time, d]}, the chosen positions {@code [batch, slots]} (indices
 * into time, fed as floats) and their loss weights {@code [batch, slots]} (1 for a used slot, 0 for padding). The
 * weights are recorded as the output's mask: the loss and accuracy count used slots only. Scoring only the chosen
 * positions (15 %) rather than all of them is what keeps the vocabulary projection affordable.
 */
public final class MaskedLmHead {

  private final LayerScope embedding;
  private final int vocabulary;
  private final double epsilon;

  /**
   * A head tied to the embedding layer built under {@code embedding}.
   *
   * @param vocabulary the rows of that embedding's table
   * @param epsilon the layer norm's variance floor
   */
  public MaskedLmHead(LayerScope embedding, int vocabulary, double epsilon) {
    this.embedding = embedding;
    this.vocabulary = Recurrent.requirePositive("vocabulary", vocabulary);
    this.epsilon = epsilon;
  }

  /** Scores every token at the {@code positions} of {@code hidden}; slots where {@code weights} is 0 do not count. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> hidden, Operand<TFloat32> positions,
      Operand<TFloat32> weights) {
    if (hidden.shape().numDimensions() != 3 || hidden.shape().get(1) < 1 || hidden.shape().get(2) < 1) {
      throw new IllegalArgumentException("MaskedLmHead '" + scope.path() + "' needs a sequence [batch, time, d],"
          + " got " + hidden.shape());
    }
    if (positions.shape().numDimensions() != 2 || positions.shape().get(1) < 1) {
      throw new IllegalArgumentException("MaskedLmHead '" + scope.path() + "' needs positions [batch, slots], got "
          + positions.shape());
    }
    Ops tf = scope.tf();
    long time = hidden.shape().get(1);
    int width = (int) hidden.shape().get(2);
    long slots = positions.shape().get(1);
    Operand<TFloat32> chosen = tf.gather(tf.reshape(hidden, tf.constant(new long[] {-1, width})),
        rowIndices(tf, positions, time), tf.constant(0));
    Operand<TFloat32> transformed = Dense.withUnits(width).activation(ActivationFunction.GELU).build()
        .call(scope.child("transform"), chosen);
    Operand<TFloat32> normalised = new LayerNorm(epsilon).call(scope.child("norm"), transformed);
    Operand<TFloat32> table = Embedding.table(embedding, vocabulary, width);
    Operand<TFloat32> bias = scope.weight("bias", Shape.of(vocabulary), Initializer.ZEROS);
    Operand<TFloat32> flatLogits = tf.nn.biasAdd(
        tf.linalg.matMul(normalised, table, MatMul.transposeB(true)), bias);
    Operand<TFloat32> logits = tf.reshape(flatLogits, tf.constant(new long[] {-1, slots, vocabulary}));
    Operand<TFloat32> out = tf.nn.softmax(logits);
    scope.recordLogits(out, logits);
    scope.recordMask(out, weights);
    return out;
  }

  /** Row {@code b * time + position} of the flattened {@code [batch * time, d]} sequence, for every slot. */
  private static Operand<TInt32> rowIndices(Ops tf, Operand<TFloat32> positions, long time) {
    Operand<TInt32> batch = tf.slice(tf.shape(positions), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TInt32> starts = tf.math.mul(tf.range(tf.constant(0), tf.reshape(batch, tf.constant(new int[0])),
        tf.constant(1)), tf.constant((int) time));
    Operand<TInt32> rows = tf.math.add(tf.dtypes.cast(positions, TInt32.class), tf.expandDims(starts, tf.constant(1)));
    return tf.reshape(rows, tf.constant(new int[] {-1}));
  }
}
