package dev.deepwire.runtime;

import dev.deepwire.annotations.DType;
import dev.deepwire.runtime.ModelSignature.InputSpec;
import dev.deepwire.runtime.layers.LayerScope;
import dev.deepwire.runtime.layers.RecurrentStates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Runs a recurrent model one time step per call, carrying every recurrent layer's states from call to call:
 * feeding a sequence step by step gives, after each step, what the whole prefix gives at once. For generation
 * (feed back what the model predicts) and streaming.
 *
 * <p>It builds the model's network a second time in its own graph, for sequences of length 1, with each
 * recurrent layer's initial states fed from the previous call (its own initial states, or zeros, after
 * {@link #reset()}), and copies the weights of the compiled model as they are when it is made. Every input must
 * have a time axis first ({@code @Input(shape = {time, ...})} or token ids {@code @Input(shape = time)}), and the
 * layers before the recurrent ones must not depend on the sequence length. Layers reading backwards cannot run
 * step by step. One sequence at a time; not thread-safe. Owns native memory: close it.
 *
 * @param <M> the annotated model class
 */
public final class StatefulPredictor<M> implements AutoCloseable {

  private final ModelSignature signature;
  private final Graph graph;
  private final Session session;
  private final Map<String, Placeholder<?>> inputs;
  private final Map<String, Operand<TFloat32>> outputs;
  private final StepStates states;
  private float[][] carried;

  private StatefulPredictor(ModelSignature signature, Graph graph, Session session, Map<String, Placeholder<?>> inputs,
      Map<String, Operand<TFloat32>> outputs, StepStates states) {
    this.signature = signature;
    this.graph = graph;
    this.session = session;
    this.inputs = inputs;
    this.outputs = outputs;
    this.states = states;
  }

  static <M> StatefulPredictor<M> of(CompiledModel<M> model) {
    ModelSignature signature = model.signature();
    Graph graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      Map<String, Placeholder<?>> inputs = new LinkedHashMap<>();
      Map<String, Operand<TFloat32>> floats = new LinkedHashMap<>();
      for (InputSpec spec : signature.inputs()) {
        Placeholder<?> placeholder = stepPlaceholder(tf, spec);
        inputs.put(spec.name(), placeholder);
        floats.put(spec.name(), placeholder.type() == TFloat32.class
            ? asFloat(placeholder) : tf.dtypes.cast(placeholder, TFloat32.class));
      }
      StepStates states = new StepStates();
      LayerScope root = LayerScope.root(tf, model.options().seed(), tf.constant(0f)).carryStates(states);
      Map<String, Operand<TFloat32>> outputs = model.modelGraph().forward(root, floats);
      Session session = new Session(graph, ConfigProto.newBuilder()
          .setIntraOpParallelismThreads(model.options().intraOpThreads())
          .setInterOpParallelismThreads(model.options().interOpThreads())
          .build());
      try {
        session.initialize();
        copyVariables(tf, graph, model, session);
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
      return new StatefulPredictor<>(signature, graph, session, inputs, outputs, states);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Forgets the carried states: the next step starts a new sequence. */
  public void reset() {
    carried = null;
  }

  /** The single output after feeding one more time step of the single input ({@code size / time} values). */
  public float[] step(float[] input) {
    if (signature.inputs().size() != 1 || signature.outputs().size() != 1) {
      throw new IllegalStateException(signature.name() + " has " + signature.inputs().size() + " inputs and "
          + signature.outputs().size() + " outputs; use step(Map) and name them");
    }
    return step(Map.of(signature.inputs().get(0).name(), input)).get(signature.outputs().get(0).name());
  }

  /**
   * Every output after feeding one more time step of every input.
   *
   * @param stepInputs by input name, the values of one time step (flattened)
   * @return by output name, the output (flattened)
   */
  public Map<String, float[]> step(Map<String, float[]> stepInputs) {
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (InputSpec spec : signature.inputs()) {
        Tensor tensor = stepTensor(spec, stepInputs.get(spec.name()));
        feeds.add(tensor);
        runner.feed(inputs.get(spec.name()), tensor);
      }
      for (int i = 0; carried != null && i < carried.length; i++) {
        TFloat32 state = TFloat32.tensorOf(Shape.of(1, carried[i].length));
        feeds.add(state);
        state.asRawTensor().data().asFloats().write(carried[i]);
        runner.feed(states.initial.get(i), state);
      }
      outputs.values().forEach(runner::fetch);
      states.finals.forEach(runner::fetch);
      try (Result result = runner.run()) {
        Map<String, float[]> out = new LinkedHashMap<>();
        int index = 0;
        for (String name : outputs.keySet()) {
          out.put(name, values((TFloat32) result.get(index++)));
        }
        float[][] next = new float[states.finals.size()][];
        for (int i = 0; i < next.length; i++) {
          next[i] = values((TFloat32) result.get(index++));
        }
        carried = next;
        return out;
      }
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }

  /** Collects one placeholder (defaulting to the layer's own start) and one final state per recurrent state. */
  private static final class StepStates implements RecurrentStates {
    final List<Operand<TFloat32>> initial = new ArrayList<>();
    final List<Operand<TFloat32>> finals = new ArrayList<>();

    @Override
    public List<Operand<TFloat32>> initial(LayerScope scope, List<Operand<TFloat32>> defaults) {
      List<Operand<TFloat32>> fed = new ArrayList<>();
      for (Operand<TFloat32> start : defaults) {
        Operand<TFloat32> state = scope.tf().withName("carried_state_" + initial.size())
            .placeholderWithDefault(start, Shape.of(-1, start.shape().get(1)));
        initial.add(state);
        fed.add(state);
      }
      return fed;
    }

    @Override
    public void last(LayerScope scope, List<Operand<TFloat32>> states) {
      finals.addAll(states);
    }
  }

  /** {@code [batch, 1, ...]}: one time step of {@code spec}, whose first dimension is time. */
  private static Placeholder<?> stepPlaceholder(Ops tf, InputSpec spec) {
    if (spec.shape().length == 0) {
      throw new IllegalStateException("input '" + spec.name() + "' has no time axis, so it cannot be fed step by step");
    }
    long[] dims = new long[spec.shape().length + 1];
    dims[0] = -1;
    dims[1] = 1;
    for (int i = 1; i < spec.shape().length; i++) {
      dims[i + 1] = spec.shape()[i];
    }
    Placeholder.Options shape = Placeholder.shape(Shape.of(dims));
    Ops named = tf.withName("step." + spec.name());
    return spec.dtype() == DType.INT32 ? named.placeholder(TInt32.class, shape) : named.placeholder(TFloat32.class,
        shape);
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> asFloat(Placeholder<?> placeholder) {
    return (Operand<TFloat32>) placeholder;
  }

  private static Tensor stepTensor(InputSpec spec, float[] values) {
    int width = spec.size() / spec.shape()[0];
    if (values == null || values.length != width) {
      throw new IllegalArgumentException("one step of input '" + spec.name() + "' takes " + width + " values (shape "
          + Arrays.toString(spec.shape()) + " without its time axis), got " + (values == null ? "none"
          : values.length));
    }
    long[] dims = new long[spec.shape().length + 1];
    dims[0] = 1;
    dims[1] = 1;
    for (int i = 1; i < spec.shape().length; i++) {
      dims[i + 1] = spec.shape()[i];
    }
    if (spec.dtype() == DType.INT32) {
      int[] ids = new int[width];
      for (int j = 0; j < width; j++) {
        ids[j] = Math.round(values[j]);
      }
      TInt32 tensor = TInt32.tensorOf(Shape.of(dims));
      tensor.asRawTensor().data().asInts().write(ids);
      return tensor;
    }
    TFloat32 tensor = TFloat32.tensorOf(Shape.of(dims));
    tensor.asRawTensor().data().asFloats().write(values);
    return tensor;
  }

  private static float[] values(TFloat32 tensor) {
    float[] out = new float[Math.toIntExact(tensor.shape().size())];
    tensor.asRawTensor().data().asFloats().read(out);
    return out;
  }

  /** Copies every variable of the step graph from the compiled model's session, by name. */
  private static void copyVariables(Ops tf, Graph graph, CompiledModel<?> model, Session session) {
    List<GraphOperation> variables = new ArrayList<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (op.type().equals("VariableV2")) {
        variables.add(op);
      }
    }
    for (GraphOperation op : variables) {
      if (model.graph().operation(op.name()) == null) {
        continue;
      }
      Placeholder<TFloat32> value = tf.placeholder(TFloat32.class, Placeholder.shape(op.output(0).shape()));
      Op assign = tf.assign(new Variable<TFloat32>(op), value);
      try (Result source = model.session().runner().fetch(op.name()).run()) {
        session.runner().feed(value, source.get(0)).addTarget(assign).run().close();
      }
    }
  }
}
