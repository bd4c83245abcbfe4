package dev.deepwire.runtime.sequence;

import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.ModelSignature.InputSpec;
import dev.deepwire.runtime.internal.InputTensors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;

/**
 * Generates sequences with a trained model's {@code @SequenceDecoder}: encodes the sources once, then runs
 * the decoder's one-step graph under a {@link BeamSearch} (greedy with width 1), every live hypothesis of
 * every source in one session run per step.
 *
 * <pre>{@code
 * SequenceGenerator phonemes = SequenceGenerator.of(model, "phonemes");
 * List<Hypothesis> best = phonemes.generate(Map.of("letters", rows), new BeamSearch(4, 30, 0));
 * float[][] alignment = phonemes.attention(Map.of("letters", new float[][] {rows[0]}), best.get(0).tokens());
 * }</pre>
 */
public final class SequenceGenerator {

  private final CompiledModel<?> model;
  private final String decoder;
  private final boolean sequenceEncoding;
  private final boolean hasAttention;
  private final int stateCount;

  private SequenceGenerator(CompiledModel<?> model, String decoder) {
    this.model = model;
    this.decoder = decoder;
    Graph graph = model.graph();
    if (graph.operation(op(GeneratorOps.TOKEN)) == null) {
      throw new IllegalArgumentException("model " + model.signature().name() + " has no sequence decoder called '"
          + decoder + "' (no op " + op(GeneratorOps.TOKEN) + ")");
    }
    this.sequenceEncoding = graph.operation(op(GeneratorOps.MEMORY_MASK)) != null;
    this.hasAttention = graph.operation(op(GeneratorOps.ATTENTION)) != null;
    int states = 0;
    while (graph.operation(op(GeneratorOps.STATE + states)) != null) {
      states++;
    }
    this.stateCount = states;
  }

  /** The generator of the sequence decoder called {@code decoder} in {@code model}. */
  public static SequenceGenerator of(CompiledModel<?> model, String decoder) {
    return new SequenceGenerator(model, decoder);
  }

  /** The best hypothesis for each source row; {@code sources} maps the encoder's input names to rows. */
  public List<Hypothesis> generate(Map<String, float[][]> sources, BeamSearch search) {
    return search.decode(start(sources), this::step);
  }

  /** Up to {@code width} hypotheses per source row, best first. */
  public List<List<Hypothesis>> generateAll(Map<String, float[][]> sources, BeamSearch search) {
    return search.decodeAll(start(sources), this::step);
  }

  /**
   * The attention weights {@code [step][time]} the decoder uses while emitting {@code tokens} and then
   * {@code EOS} for the single source row in {@code source}.
   */
  public float[][] attention(Map<String, float[][]> source, int[] tokens) {
    if (!hasAttention) {
      throw new IllegalStateException("sequence decoder '" + decoder + "' has no attention");
    }
    List<DecoderState> states = start(source);
    if (states.size() != 1) {
      throw new IllegalArgumentException("attention() takes one source row, got " + states.size());
    }
    float[][] rows = new float[tokens.length + 1][];
    DecoderState state = states.get(0);
    int previous = TokenVocabulary.BOS;
    for (int t = 0; t <= tokens.length; t++) {
      StepRun run = run(List.of(state), new int[] {previous});
      rows[t] = run.attention[0];
      state = run.next.get(0).state();
      previous = t < tokens.length ? tokens[t] : TokenVocabulary.EOS;
    }
    return rows;
  }

  /** Encodes every source row and computes the decoder's initial states. */
  private List<DecoderState> start(Map<String, float[][]> sources) {
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner runner = model.session().runner();
      int rows = -1;
      for (InputSpec spec : model.signature().inputs()) {
        float[][] values = sources.get(spec.name());
        if (values == null) {
          continue;
        }
        rows = values.length;
        Tensor tensor = InputTensors.of(spec, values, 0, values.length);
        feeds.add(tensor);
        runner.feed("input." + spec.name(), tensor);
      }
      if (rows < 0) {
        throw new IllegalArgumentException("no source rows: expected some of the inputs "
            + model.signature().inputs().stream().map(InputSpec::name).toList() + ", got " + sources.keySet());
      }
      runner.fetch(op(GeneratorOps.ENCODED));
      if (sequenceEncoding) {
        runner.fetch(op(GeneratorOps.ENCODED_MASK));
      }
      float[][] encoded;
      float[][] masks = null;
      try (Result result = runner.run()) {
        encoded = rows((TFloat32) result.get(0), rows);
        if (sequenceEncoding) {
          masks = rows((TFloat32) result.get(1), rows);
        }
      }
      List<DecoderState> starts = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        starts.add(new DecoderState(encoded[r], masks == null ? null : masks[r], null));
      }
      return initial(starts);
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  /** The states before the first step, from each source's encoding. */
  private List<DecoderState> initial(List<DecoderState> sources) {
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner runner = model.session().runner();
      feedMemory(runner, sources, feeds);
      for (int i = 0; i < stateCount; i++) {
        runner.fetch(op(GeneratorOps.INITIAL + i));
      }
      List<DecoderState> out = new ArrayList<>();
      try (Result result = runner.run()) {
        float[][][] states = new float[stateCount][][];
        for (int i = 0; i < stateCount; i++) {
          states[i] = rows((TFloat32) result.get(i), sources.size());
        }
        for (int r = 0; r < sources.size(); r++) {
          float[][] own = new float[stateCount][];
          for (int i = 0; i < stateCount; i++) {
            own[i] = states[i][r];
          }
          out.add(new DecoderState(sources.get(r).memory(), sources.get(r).mask(), own));
        }
      }
      return out;
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  private List<DecoderStep.Next<DecoderState>> step(List<DecoderState> states, int[] previous) {
    return run(states, previous).next;
  }

  private record StepRun(List<DecoderStep.Next<DecoderState>> next, float[][] attention) {}

  /** One decoder step for every hypothesis: feeds memory, mask, token and states; fetches the rest. */
  private StepRun run(List<DecoderState> states, int[] previous) {
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner runner = model.session().runner();
      feedMemory(runner, states, feeds);
      float[] tokens = new float[previous.length];
      for (int i = 0; i < previous.length; i++) {
        tokens[i] = previous[i];
      }
      runner.feed(op(GeneratorOps.TOKEN), feed(feeds, tokens, previous.length));
      for (int s = 0; s < stateCount; s++) {
        float[][] rows = new float[states.size()][];
        for (int h = 0; h < states.size(); h++) {
          rows[h] = states.get(h).states()[s];
        }
        runner.feed(op(GeneratorOps.STATE + s), feed(feeds, concat(rows), rows.length, rows[0].length));
      }
      runner.fetch(op(GeneratorOps.LOG_PROBABILITIES));
      for (int s = 0; s < stateCount; s++) {
        runner.fetch(op(GeneratorOps.NEXT + s));
      }
      if (hasAttention) {
        runner.fetch(op(GeneratorOps.ATTENTION));
      }
      try (Result result = runner.run()) {
        int n = states.size();
        float[][] logProbabilities = rows((TFloat32) result.get(0), n);
        float[][][] next = new float[stateCount][][];
        for (int s = 0; s < stateCount; s++) {
          next[s] = rows((TFloat32) result.get(1 + s), n);
        }
        float[][] attention = hasAttention ? rows((TFloat32) result.get(1 + stateCount), n) : null;
        List<DecoderStep.Next<DecoderState>> out = new ArrayList<>();
        for (int h = 0; h < n; h++) {
          float[][] own = new float[stateCount][];
          for (int s = 0; s < stateCount; s++) {
            own[s] = next[s][h];
          }
          DecoderState before = states.get(h);
          out.add(new DecoderStep.Next<>(logProbabilities[h],
              new DecoderState(before.memory(), before.mask(), own)));
        }
        return new StepRun(out, attention);
      }
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  private void feedMemory(Session.Runner runner, List<DecoderState> states, List<Tensor> feeds) {
    float[][] memory = new float[states.size()][];
    for (int h = 0; h < states.size(); h++) {
      memory[h] = states.get(h).memory();
    }
    long[] dims = model.graph().operation(op(GeneratorOps.MEMORY)).output(0).shape().asArray();
    dims[0] = states.size();
    runner.feed(op(GeneratorOps.MEMORY), feed(feeds, concat(memory), dims));
    if (sequenceEncoding) {
      float[][] masks = new float[states.size()][];
      for (int h = 0; h < states.size(); h++) {
        masks[h] = states.get(h).mask();
      }
      runner.feed(op(GeneratorOps.MEMORY_MASK), feed(feeds, concat(masks), masks.length, masks[0].length));
    }
  }

  private String op(String what) {
    return GeneratorOps.name(decoder, what);
  }

  private static Tensor feed(List<Tensor> feeds, float[] values, long... dims) {
    TFloat32 tensor = TFloat32.tensorOf(Shape.of(dims));
    feeds.add(tensor);
    tensor.asRawTensor().data().asFloats().write(values);
    return tensor;
  }

  private static float[] concat(float[][] rows) {
    int width = rows[0].length;
    float[] out = new float[rows.length * width];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, out, r * width, width);
    }
    return out;
  }

  private static float[][] rows(TFloat32 values, int count) {
    int width = Math.toIntExact(values.shape().size() / count);
    float[][] out = new float[count][width];
    FloatDataBuffer data = values.asRawTensor().data().asFloats();
    for (int r = 0; r < count; r++) {
      data.offset((long) r * width).read(out[r]);
    }
    return out;
  }
}
