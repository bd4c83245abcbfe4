package dev.deepwire.runtime.layers;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.AttentionScore;
import dev.deepwire.annotations.DecoderCell;
import dev.deepwire.annotations.Initializer;
import dev.deepwire.runtime.sequence.GeneratorOps;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A recurrent decoder generating tokens from an encoding (see {@code @SequenceDecoder}).
 *
 * <p>Each step embeds the previous token, appends a context — the attention over the encoder outputs, queried
 * with the previous state (Bahdanau), or without attention the encoding's summary vector — and runs the cell;
 * the next-token logits read the new state and the context. The initial states are {@code tanh} projections of
 * the summary: the code vector itself, or the masked mean of the encoder outputs.
 *
 * <p>Training unrolls the steps over the teacher-forcing input and records a mask on the output (steps whose
 * input is padding), so the loss and accuracy skip padded targets. The same call builds a one-step graph on
 * placeholders ({@link GeneratorOps}) that shares every weight, for generation without a loop in the graph.
 *
 * <p>Weights: {@code embedding.embeddings}, {@code cell.*}, {@code attention.*}, {@code initial<i>.*},
 * {@code output.kernel [units (+ key), vocabulary]}, {@code output.bias}.
 */
public final class SequenceDecoder {

  private final int vocabulary;
  private final int embedding;
  private final int units;
  private final DecoderCell cellType;
  private final AttentionScore attention;
  private final int attentionUnits;

  public SequenceDecoder(int vocabulary, int embedding, int units, DecoderCell cell, AttentionScore attention,
      int attentionUnits) {
    if (vocabulary < 5) {
      throw new IllegalArgumentException("a decoder vocabulary needs at least 5 ids (PAD, BOS, EOS, UNK and one"
          + " token), got " + vocabulary);
    }
    this.vocabulary = vocabulary;
    this.embedding = Recurrent.requirePositive("embedding", embedding);
    this.units = Recurrent.requirePositive("units", units);
    this.cellType = cell;
    this.attention = attention;
    this.attentionUnits = attentionUnits == 0 ? units : Recurrent.requirePositive("attentionUnits", attentionUnits);
  }

  /** The output shape for an encoding and a decoder input {@code [batch, length]}, batch included. */
  public static long[] outputShape(long[] previousShape, int vocabulary) {
    return new long[] {previousShape[0], previousShape[1], vocabulary};
  }

  /**
   * Builds the teacher-forced decoder and its one-step generation graph.
   *
   * @param encoding {@code [batch, time, key]} encoder outputs or a {@code [batch, key]} code vector
   * @param previous the decoder input ids {@code [batch, length]}: BOS and the targets shifted right
   * @return next-token probabilities {@code [batch, length, vocabulary]}
   */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> encoding, Operand<TFloat32> previous) {
    Shape memoryShape = encoding.shape();
    boolean sequence = memoryShape.numDimensions() == 3;
    if (!(sequence || memoryShape.numDimensions() == 2) || memoryShape.get(memoryShape.numDimensions() - 1) < 1
        || (sequence && memoryShape.get(1) < 1)) {
      throw new IllegalArgumentException("sequence decoder '" + scope.path() + "' needs an encoding [batch, time,"
          + " key] or [batch, key] with known sizes, got " + memoryShape);
    }
    if (!sequence && attention != AttentionScore.NONE) {
      throw new IllegalArgumentException("sequence decoder '" + scope.path() + "' attends with " + attention
          + " but its encoding " + memoryShape + " has no time axis; use attention = NONE");
    }
    if (previous.shape().numDimensions() != 2 || previous.shape().get(1) < 1) {
      throw new IllegalArgumentException("sequence decoder '" + scope.path() + "' needs input tokens [batch,"
          + " length], got " + previous.shape());
    }
    Ops tf = scope.tf();
    Operand<TFloat32> memoryMask = sequence ? scope.maskOf(encoding).orElseGet(() -> ones(tf, encoding)) : null;
    Context context = context(scope, encoding, memoryMask);
    int length = (int) previous.shape().get(1);
    Operand<TFloat32> embedded = embed(scope, previous);
    List<Operand<TFloat32>> states = context.initialStates();
    List<Operand<TFloat32>> logits = new ArrayList<>();
    for (Operand<TFloat32> x : tf.unstack(embedded, (long) length, Unstack.axis(1L)).output()) {
      StepOutput out = context.step(x, states);
      states = out.states();
      logits.add(out.logits());
    }
    Operand<TFloat32> probabilities =
        Activations.apply(scope, ActivationFunction.SOFTMAX, 0, tf.stack(logits, Stack.axis(1L)));
    scope.recordMask(probabilities,
        tf.dtypes.cast(tf.math.notEqual(previous, tf.constant(0f)), TFloat32.class));
    buildGenerator(scope, encoding, memoryMask);
    return probabilities;
  }

  /** The one-step graph on placeholders, named by {@link GeneratorOps}. */
  private void buildGenerator(LayerScope scope, Operand<TFloat32> encoding, Operand<TFloat32> memoryMask) {
    Ops tf = scope.tf();
    boolean sequence = memoryMask != null;
    tf.withName(GeneratorOps.local(GeneratorOps.ENCODED)).identity(encoding);
    long[] dims = encoding.shape().asArray();
    dims[0] = -1;
    Operand<TFloat32> memory = tf.withName(GeneratorOps.local(GeneratorOps.MEMORY))
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(dims)));
    Operand<TFloat32> mask = null;
    if (sequence) {
      tf.withName(GeneratorOps.local(GeneratorOps.ENCODED_MASK)).identity(memoryMask);
      mask = tf.withName(GeneratorOps.local(GeneratorOps.MEMORY_MASK))
          .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, encoding.shape().get(1))));
    }
    Context context = context(scope, memory, mask);
    List<Operand<TFloat32>> initial = context.initialStates();
    List<Operand<TFloat32>> states = new ArrayList<>();
    for (int i = 0; i < initial.size(); i++) {
      tf.withName(GeneratorOps.local(GeneratorOps.INITIAL + i)).identity(initial.get(i));
      states.add(tf.withName(GeneratorOps.local(GeneratorOps.STATE + i))
          .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, units))));
    }
    Operand<TFloat32> token = tf.withName(GeneratorOps.local(GeneratorOps.TOKEN))
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
    Operand<TFloat32> x = tf.reshape(embed(scope, tf.expandDims(token, tf.constant(1))),
        tf.constant(new long[] {-1, embedding}));
    StepOutput out = context.step(x, states);
    for (int i = 0; i < out.states().size(); i++) {
      tf.withName(GeneratorOps.local(GeneratorOps.NEXT + i)).identity(out.states().get(i));
    }
    tf.withName(GeneratorOps.local(GeneratorOps.LOG_PROBABILITIES)).nn.logSoftmax(out.logits());
    if (out.attention() != null) {
      tf.withName(GeneratorOps.local(GeneratorOps.ATTENTION)).identity(out.attention());
    }
  }

  private Operand<TFloat32> embed(LayerScope scope, Operand<TFloat32> ids) {
    return new Embedding(vocabulary, embedding, false).call(scope.child("embedding"), ids);
  }

  private Context context(LayerScope scope, Operand<TFloat32> encoding, Operand<TFloat32> mask) {
    Ops tf = scope.tf();
    Operand<TFloat32> summary = mask == null ? encoding : maskedMean(tf, encoding, mask);
    long key = encoding.shape().get(encoding.shape().numDimensions() - 1);
    Attention.Memory memory = attention == AttentionScore.NONE ? null
        : new Attention(attention, attentionUnits).over(scope.child("attention"), encoding, mask);
    RecurrentCell cell = cellType == DecoderCell.LSTM ? new LstmCell(units) : new GruCell(units);
    RecurrentCell.Step step = cell.build(scope.child("cell"), embedding + key);
    return new Context(scope, summary, memory, cell.stateCount(), step);
  }

  /** The mean over real steps: {@code sum_t m_t x_t / max(1, sum_t m_t)}. */
  private static Operand<TFloat32> maskedMean(Ops tf, Operand<TFloat32> x, Operand<TFloat32> mask) {
    Operand<TFloat32> weighted = tf.sum(tf.math.mul(x, tf.expandDims(mask, tf.constant(2))), tf.constant(1));
    Operand<TFloat32> count = tf.math.maximum(tf.sum(mask, tf.constant(1)), tf.constant(1f));
    return tf.math.div(weighted, tf.expandDims(count, tf.constant(1)));
  }

  /** A mask of ones {@code [batch, time]} for a sequence without padding. */
  static Operand<TFloat32> ones(Ops tf, Operand<TFloat32> sequence) {
    Operand<TInt32> batchAndTime = tf.slice(tf.shape(sequence), tf.constant(new int[] {0}),
        tf.constant(new int[] {2}));
    return tf.reshape(tf.fill(batchAndTime, tf.constant(1f)), tf.constant(new long[] {-1,
        sequence.shape().get(1)}));
  }

  private record StepOutput(List<Operand<TFloat32>> states, Operand<TFloat32> logits,
      Operand<TFloat32> attention) {}

  /** What every step of one decoding reads: the summary, the attention memory, the bound cell. */
  private final class Context {
    private final LayerScope scope;
    private final Operand<TFloat32> summary;
    private final Attention.Memory memory;
    private final int stateCount;
    private final RecurrentCell.Step cell;

    Context(LayerScope scope, Operand<TFloat32> summary, Attention.Memory memory, int stateCount,
        RecurrentCell.Step cell) {
      this.scope = scope;
      this.summary = summary;
      this.memory = memory;
      this.stateCount = stateCount;
      this.cell = cell;
    }

    List<Operand<TFloat32>> initialStates() {
      List<Operand<TFloat32>> out = new ArrayList<>();
      for (int i = 0; i < stateCount; i++) {
        out.add(Dense.withUnits(units).activation(ActivationFunction.TANH).build()
            .call(scope.child("initial" + i), summary));
      }
      return out;
    }

    StepOutput step(Operand<TFloat32> x, List<Operand<TFloat32>> states) {
      Ops tf = scope.tf();
      Operand<TFloat32> context = summary;
      Operand<TFloat32> weights = null;
      if (memory != null) {
        Attention.Attended attended = memory.attend(states.get(0));
        context = attended.context();
        weights = attended.weights();
      }
      List<Operand<TFloat32>> next = cell.apply(tf, tf.concat(List.of(x, context), tf.constant(1)), states);
      Operand<TFloat32> features = memory == null ? next.get(0) : tf.concat(List.of(next.get(0), context),
          tf.constant(1));
      long width = features.shape().get(1);
      LayerScope output = scope.child("output");
      Operand<TFloat32> kernel = output.weight("kernel", Shape.of(width, vocabulary), Initializer.GLOROT_UNIFORM);
      Operand<TFloat32> bias = output.weight("bias", Shape.of(vocabulary), Initializer.ZEROS);
      return new StepOutput(next, tf.nn.biasAdd(tf.linalg.matMul(features, kernel), bias), weights);
    }
  }
}
