package dev.deepwire.runtime.sequence;

import dev.deepwire.annotations.AttentionScore;
import dev.deepwire.annotations.DType;
import dev.deepwire.annotations.DecoderCell;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.runtime.ModelGraph;
import dev.deepwire.runtime.ModelSignature;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.layers.Embedding;
import dev.deepwire.runtime.layers.LayerScope;
import dev.deepwire.runtime.layers.LstmCell;
import dev.deepwire.runtime.layers.Recurrent;
import dev.deepwire.runtime.layers.SequenceDecoder;
import dev.deepwire.runtime.layers.TransformerDecoder;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A hand-written seq2seq model, shaped like generated code: symbols 4..9 of sequences of 2 to 5 (padded with
 * 0) are embedded, read by an LSTM, and decoded in reverse order by a {@link SequenceDecoder} with attention,
 * or by a {@link TransformerDecoder} ({@link #withTransformerDecoder()}).
 */
final class ReverseModel implements ModelGraph<ReverseModel> {

  static final int SOURCE = 5;
  static final int TARGET = SOURCE + 1;
  static final int VOCABULARY = 10;

  private final ModelSignature signature = ModelSignature.builder("Reverse")
      .input("source", DType.FLOAT32, SOURCE)
      .input("previous", DType.FLOAT32, TARGET)
      .output("reversed", Loss.SPARSE_CATEGORICAL_CROSSENTROPY, "reversed", 1.0, TARGET, VOCABULARY)
      .optimizer(OptimizerType.ADAM, 0.01)
      .metrics(Metric.ACCURACY)
      .build();

  private final AttentionScore attention;
  private final boolean transformer;

  ReverseModel(AttentionScore attention) {
    this(attention, false);
  }

  private ReverseModel(AttentionScore attention, boolean transformer) {
    this.attention = attention;
    this.transformer = transformer;
  }

  /** The same task decoded by a two-block transformer decoder (no dropout, so runs are deterministic). */
  static ReverseModel withTransformerDecoder() {
    return new ReverseModel(AttentionScore.NONE, true);
  }

  @Override
  public ModelSignature signature() {
    return signature;
  }

  @Override
  public Map<String, Operand<TFloat32>> forward(LayerScope scope, Map<String, Operand<TFloat32>> inputs) {
    Operand<TFloat32> vectors = new Embedding(VOCABULARY, 16, true).call(scope.child("vectors"), inputs.get("source"));
    Operand<TFloat32> encoded = new Recurrent(new LstmCell(32), true, false).call(scope.child("encoded"), vectors);
    Operand<TFloat32> reversed = transformer
        ? new TransformerDecoder(VOCABULARY, 32, 2, 4, 64, 0).call(scope.child("reversed"), encoded,
            inputs.get("previous"))
        : new SequenceDecoder(VOCABULARY, 16, 32, DecoderCell.LSTM, attention, 0)
            .call(scope.child("reversed"), encoded, inputs.get("previous"));
    return Map.of("reversed", reversed);
  }

  /** {@code n} random sources with their reversals as teacher-forcing inputs and targets. */
  static Dataset data(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] sources = new float[n * SOURCE];
    float[] previous = new float[n * TARGET];
    int[] targets = new int[n * TARGET];
    for (int i = 0; i < n; i++) {
      int[] source = source(random);
      int[] reversed = reverse(source);
      System.arraycopy(TeacherForcing.padded(source, SOURCE), 0, sources, i * SOURCE, SOURCE);
      System.arraycopy(TeacherForcing.decoderInput(reversed, TARGET), 0, previous, i * TARGET, TARGET);
      float[] target = TeacherForcing.decoderTarget(reversed, TARGET);
      for (int t = 0; t < TARGET; t++) {
        targets[i * TARGET + t] = (int) target[t];
      }
    }
    return Dataset.builder().floats("source", sources, SOURCE).floats("previous", previous, TARGET)
        .ints("reversed", targets, TARGET).build();
  }

  static int[] source(SplittableRandom random) {
    int[] source = new int[2 + random.nextInt(SOURCE - 1)];
    for (int t = 0; t < source.length; t++) {
      source[t] = 4 + random.nextInt(VOCABULARY - 4);
    }
    return source;
  }

  static int[] reverse(int[] source) {
    int[] out = new int[source.length];
    for (int t = 0; t < source.length; t++) {
      out[t] = source[source.length - 1 - t];
    }
    return out;
  }
}
