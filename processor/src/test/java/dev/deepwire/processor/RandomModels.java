package dev.deepwire.processor;

import dev.deepwire.processor.RandomModel.Expectation;
import dev.deepwire.processor.RandomModel.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes random model classes from a seed: valid ones built layer by layer with their shapes tracked, the same
 * broken once in a known way (bad setting, wrong wiring, wrong type), and chaotic ones with random settings and
 * wiring whose validity is not known in advance.
 */
final class RandomModels {

  /** The sub-model every batch declares once: {@code [8] -> [4]}. */
  static final String TOWER = """
      @Model
      interface Tower {
        @Input(shape = 8) Tensor x();
        @Output @Dense(units = 4, activation = TANH) Tensor code(Tensor x);
      }
      """;

  private static final String[] ACTIVATIONS =
      {"LINEAR", "RELU", "LEAKY_RELU", "SIGMOID", "TANH", "ELU", "SELU", "GELU", "SWISH", "SOFTPLUS"};
  private static final String[] OPTIMIZERS = {"SGD", "MOMENTUM", "ADAM", "ADAMW", "RMSPROP", "ADAGRAD"};
  /** Names that generated code might also use for its own locals and parameters. */
  private static final String[] TRICKY_NAMES =
      {"scope", "inputs", "outputs", "tf", "signature", "SIGNATURE", "forward", "training", "map", "graph", "ops"};

  private final Random rnd;

  RandomModels(long seed) {
    this.rnd = new Random(seed);
  }

  /** A valid model of a random form, with the shape of each member. */
  Built valid(String name) {
    return build(name);
  }

  /** A valid model broken once; the marker names the line that must carry an error. */
  RandomModel broken(String name) {
    for (int attempt = 0; ; attempt++) {
      Built built = build(name);
      List<Function<Built, RandomModel>> mutations = built.model().graph() ? graphMutations() : sequentialMutations();
      mutations.addAll(commonMutations());
      RandomModel mutated = mutations.get(rnd.nextInt(mutations.size())).apply(built);
      if (mutated != null) {
        return mutated;
      }
    }
  }

  /** A model of random members, settings and wiring; valid or not. */
  RandomModel chaos(String name) {
    boolean graph = rnd.nextBoolean();
    int n = 1 + rnd.nextInt(7);
    List<String> names = new ArrayList<>();
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String member = i == 0 || rnd.nextInt(4) > 0 ? "l" + i : pick(TRICKY_NAMES);
      if (names.contains(member)) {
        member = member + i;
      }
      String annotations = i == 0 && rnd.nextInt(5) > 0 ? chaosInput() : chaosLayer();
      if (!graph && (annotations.equals("@Add") || annotations.equals("@Concatenate"))) {
        annotations = "@Flatten"; // method-only annotations on a field stop javac before any processor runs
      }
      if (i == n - 1 ? rnd.nextInt(5) > 0 : rnd.nextInt(6) == 0) {
        annotations = chaosOutput(names) + " " + annotations;
      }
      String type = rnd.nextInt(12) > 0 ? "Tensor" : pick(new String[] {"int", "Tower", "String", "float[]"});
      List<String> params = new ArrayList<>();
      if (graph && !annotations.contains("@Input")) {
        int arity = rnd.nextInt(10) == 0 ? 0 : 1 + (rnd.nextInt(3) == 0 ? rnd.nextInt(3) : 0);
        for (int p = 0; p < arity; p++) {
          String param = names.isEmpty() || rnd.nextInt(12) == 0
              ? (rnd.nextBoolean() ? member : "missing" + p)
              : names.get(rnd.nextInt(names.size()));
          if (!params.contains(param)) {
            params.add(param);
          }
        }
      }
      names.add(member);
      members.add(new Member(annotations, type, member, params));
    }
    return new RandomModel(name, graph, chaosModelAnnotation(), members, Expectation.ANY, "", "chaos");
  }

  // ---------------------------------------------------------------- valid models, shapes tracked

  /** A valid model with the per-example shape of each member (null for a non-tensor member). */
  record Built(RandomModel model, List<List<Integer>> shapes) {}

  private Built build(String name) {
    return rnd.nextInt(3) == 0 ? graph(name) : sequential(name);
  }

  /** A sequential model: an input, a random stack valid for the shapes met, a head suiting the loss. */
  private Built sequential(String name) {
    Names names = new Names();
    List<Member> members = new ArrayList<>();
    List<List<Integer>> shapes = new ArrayList<>();
    List<Integer> shape = inputShape();
    String dtype = "";
    if (shape.size() == 1 && rnd.nextInt(5) == 0) {
      shape = List.of(2 + rnd.nextInt(5));
      dtype = ", dtype = DType.INT32";
      members.add(new Member("@Input(shape = " + braces(shape) + dtype + ")", "Tensor", names.next(), List.of()));
      shapes.add(shape);
      int dimension = 1 + rnd.nextInt(6);
      members.add(new Member("@Embedding(vocabulary = " + (5 + rnd.nextInt(40)) + ", dimension = " + dimension
          + (rnd.nextBoolean() ? ", maskZero = true" : "") + ")", "Tensor", names.next(), List.of()));
      shape = List.of(shape.get(0), dimension);
      shapes.add(shape);
    } else {
      members.add(new Member("@Input(shape = " + braces(shape) + ")", "Tensor", names.next(), List.of()));
      shapes.add(shape);
    }
    int depth = rnd.nextInt(6);
    for (int i = 0; i < depth; i++) {
      Step step = step(shape);
      members.add(new Member(step.annotation(), "Tensor", names.next(), List.of()));
      shape = step.shape();
      shapes.add(shape);
    }
    if (shape.size() > 1) {
      boolean global = rnd.nextBoolean();
      members.add(new Member(global ? "@GlobalAvgPool" : "@Flatten", "Tensor", names.next(), List.of()));
      shape = global ? List.of(shape.get(shape.size() - 1)) : List.of(size(shape));
      shapes.add(shape);
    }
    Head head = head();
    members.add(new Member(head.outputAnnotation() + " " + head.layer(), "Tensor", names.next(), List.of()));
    shapes.add(List.of(head.units()));
    return new Built(new RandomModel(name, false, head.modelAnnotation(), members, Expectation.VALID, "", ""),
        shapes);
  }

  /** A graph-form DAG of dense, merge and sub-model nodes over one or two flat inputs. */
  private Built graph(String name) {
    Names names = new Names();
    List<Member> members = new ArrayList<>();
    List<List<Integer>> shapes = new ArrayList<>();
    Set<String> unconsumed = new HashSet<>();
    int inputs = 1 + rnd.nextInt(2);
    for (int i = 0; i < inputs; i++) {
      List<Integer> shape = List.of(1 + rnd.nextInt(12));
      String input = names.next();
      members.add(new Member("@Input(shape = " + shape.get(0) + ")", "Tensor", input, List.of()));
      shapes.add(shape);
      unconsumed.add(input);
    }
    int nodes = 1 + rnd.nextInt(6);
    for (int i = 0; i < nodes; i++) {
      int kind = rnd.nextInt(8);
      if (kind == 0 && members.size() >= 2) {
        List<Integer> picked = distinct(2 + rnd.nextInt(Math.min(2, members.size() - 1)), members.size());
        add(members, shapes, unconsumed, "@Concatenate", names.next(), picked,
            List.of(picked.stream().mapToInt(p -> shapes.get(p).get(0)).sum()));
      } else if (kind == 1) {
        int a = rnd.nextInt(members.size());
        int units = shapes.get(a).get(0);
        int b = rnd.nextInt(members.size());
        String twin = names.next();
        add(members, shapes, unconsumed, "@Dense(units = " + units + ")", twin, List.of(b), List.of(units));
        add(members, shapes, unconsumed, "@Add", names.next(), List.of(a, members.size() - 1), List.of(units));
      } else if (kind == 2) {
        String eight = names.next();
        add(members, shapes, unconsumed, "@Dense(units = 8, activation = RELU)", eight,
            List.of(rnd.nextInt(members.size())), List.of(8));
        add(members, shapes, unconsumed, "", names.next(), List.of(members.size() - 1), List.of(4));
        Member tower = members.get(members.size() - 1);
        members.set(members.size() - 1, tower.withType("Tower"));
      } else if (kind == 3) {
        int from = rnd.nextInt(members.size());
        String layer = rnd.nextBoolean() ? "@Dropout(" + rate() + ")" : "@Activation(" + pick(ACTIVATIONS) + ")";
        add(members, shapes, unconsumed, layer, names.next(), List.of(from), shapes.get(from));
      } else {
        int units = 1 + rnd.nextInt(12);
        add(members, shapes, unconsumed, dense(units), names.next(), List.of(rnd.nextInt(members.size())),
            List.of(units));
      }
    }
    List<Integer> loose = IntStream.range(0, members.size())
        .filter(i -> unconsumed.contains(members.get(i).name())).boxed().toList();
    int last = members.size() - 1;
    if (loose.size() > 1) {
      add(members, shapes, unconsumed, "@Concatenate", names.next(), loose,
          List.of(loose.stream().mapToInt(p -> shapes.get(p).get(0)).sum()));
      last = members.size() - 1;
    } else if (!loose.isEmpty()) {
      last = loose.get(0);
    }
    Head head = head();
    add(members, shapes, unconsumed, head.outputAnnotation() + " " + head.layer(), names.next(), List.of(last),
        List.of(head.units()));
    if (rnd.nextInt(3) == 0) {
      int width = shapes.get(0).get(0);
      add(members, shapes, unconsumed, "@Output(loss = MSE, target = \"" + members.get(0).name() + "\") @Dense(units = "
          + width + ")", names.next(), List.of(last), List.of(width));
    }
    return new Built(new RandomModel(name, true, head.modelAnnotation(), members, Expectation.VALID, "", ""), shapes);
  }

  private static void add(List<Member> members, List<List<Integer>> shapes, Set<String> unconsumed,
      String annotation, String name, List<Integer> from, List<Integer> shape) {
    List<String> params = from.stream().map(i -> members.get(i).name()).toList();
    params.forEach(unconsumed::remove);
    members.add(new Member(annotation, "Tensor", name, params));
    shapes.add(shape);
    unconsumed.add(name);
  }

  /** An input shape: flat features, a short sequence, a small image or a small volume. */
  private List<Integer> inputShape() {
    return switch (rnd.nextInt(4)) {
      case 0 -> List.of(1 + rnd.nextInt(32));
      case 1 -> List.of(2 + rnd.nextInt(5), 1 + rnd.nextInt(4));
      case 2 -> List.of(4 + rnd.nextInt(7), 4 + rnd.nextInt(7), 1 + rnd.nextInt(3));
      default -> List.of(2 + rnd.nextInt(3), 3 + rnd.nextInt(3), 3 + rnd.nextInt(3), 1);
    };
  }

  /** One layer and its output shape. */
  record Step(String annotation, List<Integer> shape) {}

  /** A random layer valid on {@code shape}, keeping shapes small. */
  private Step step(List<Integer> shape) {
    int spatial = shape.size() - 1;
    if (spatial == 0) {
      return switch (rnd.nextInt(7)) {
        case 0 -> new Step("@Dropout(" + rate() + ")", shape);
        case 1 -> new Step("@Activation(" + pick(ACTIVATIONS) + ")", shape);
        case 2 -> new Step("@BatchNorm", shape);
        case 3 -> reshape(shape);
        default -> {
          int units = 1 + rnd.nextInt(16);
          yield new Step(dense(units), List.of(units));
        }
      };
    }
    int channels = shape.get(spatial);
    List<Integer> space = shape.subList(0, spatial);
    int smallest = space.stream().mapToInt(Integer::intValue).min().orElseThrow();
    int choice = rnd.nextInt(spatial == 1 ? 12 : 9);
    if (size(shape) > 1500 && (choice == 3 || choice == 4 || choice == 8)) {
      choice = 7;
    }
    if (choice == 3 && space.size() > 4) {
      choice = 7; // zero padding takes at most four spatial dimensions (TF's Pad: rank <= 6)
    }
    return switch (choice) {
      case 0, 1 -> conv(space, smallest);
      case 2 -> pool(space, smallest, channels);
      case 3 -> {
        int p = rnd.nextInt(3);
        List<Integer> out = new ArrayList<>(space.stream().map(d -> d + 2 * p).toList());
        out.add(channels);
        yield new Step("@ZeroPadding(" + p + ")", out);
      }
      case 4 -> {
        List<Integer> out = new ArrayList<>(space.stream().map(d -> d * 2).toList());
        out.add(channels);
        yield spatial == 1 && space.get(0) > 4 ? new Step("@BatchNorm", shape) : new Step("@UpSampling", out);
      }
      case 5 -> new Step("@SpatialDropout(" + rate() + ")", shape);
      case 6 -> new Step("@BatchNorm(momentum = 0.9)", shape);
      case 7 -> new Step(rnd.nextBoolean() ? "@GlobalMaxPool" : "@GlobalAvgPool", List.of(channels));
      case 8 -> spatial == 2 ? convTranspose(shape) : new Step("@Flatten", List.of(size(shape)));
      case 9 -> new Step("@Masking", shape);
      default -> recurrent(shape);
    };
  }

  private Step reshape(List<Integer> shape) {
    int f = shape.get(0);
    int a = IntStream.rangeClosed(1, f).filter(d -> f % d == 0).boxed().toList().get(rnd.nextInt(
        (int) IntStream.rangeClosed(1, f).filter(d -> f % d == 0).count()));
    if (rnd.nextBoolean()) {
      return new Step("@Reshape({" + a + ", -1})", List.of(a, f / a));
    }
    return new Step("@Reshape({" + a + ", " + (f / a) + ", 1})", List.of(a, f / a, 1));
  }

  private Step conv(List<Integer> space, int smallest) {
    boolean valid = rnd.nextBoolean();
    int kernel = 1 + rnd.nextInt(valid ? Math.min(3, smallest) : 3);
    int stride = 1 + rnd.nextInt(2);
    int dilation = valid && (kernel - 1) * 2 + 1 <= smallest && rnd.nextInt(4) == 0 ? 2 : 1;
    int span = (kernel - 1) * dilation + 1;
    int filters = 1 + rnd.nextInt(6);
    List<Integer> out = new ArrayList<>();
    for (int d : space) {
      int extent = valid ? d - span + 1 : d;
      out.add((extent + stride - 1) / stride);
    }
    out.add(filters);
    String kernelText = rnd.nextBoolean() || space.size() == 1 ? String.valueOf(kernel)
        : braces(space.stream().map(d -> kernel).toList());
    return new Step("@Conv(filters = " + filters + ", kernel = " + kernelText + (stride > 1 ? ", strides = " + stride : "")
        + (dilation > 1 ? ", dilation = 2" : "") + ", padding = Padding." + (valid ? "VALID" : "SAME")
        + ", activation = " + pick(ACTIVATIONS) + ")", out);
  }

  private Step pool(List<Integer> space, int smallest, int channels) {
    boolean valid = rnd.nextBoolean();
    int window = 1 + rnd.nextInt(valid ? Math.min(3, smallest) : 3);
    List<Integer> out = new ArrayList<>();
    for (int d : space) {
      int extent = valid ? d - window + 1 : d;
      out.add((extent + window - 1) / window);
    }
    out.add(channels);
    String kind = rnd.nextBoolean() ? "@MaxPool" : "@AvgPool";
    return new Step(kind + "(value = " + window + ", padding = Padding." + (valid ? "VALID" : "SAME") + ")", out);
  }

  private Step convTranspose(List<Integer> shape) {
    int kernel = 1 + rnd.nextInt(3);
    int stride = 1 + rnd.nextInt(2);
    boolean same = rnd.nextBoolean();
    int filters = 1 + rnd.nextInt(4);
    List<Integer> out = new ArrayList<>();
    for (int d : shape.subList(0, 2)) {
      out.add(same ? d * stride : d * stride + Math.max(kernel - stride, 0));
    }
    out.add(filters);
    return new Step("@ConvTranspose(filters = " + filters + ", kernel = " + kernel + ", strides = " + stride
        + ", padding = Padding." + (same ? "SAME" : "VALID") + ")", out);
  }

  private Step recurrent(List<Integer> shape) {
    String kind = pick(new String[] {"SimpleRNN", "LSTM", "GRU"});
    int units = 1 + rnd.nextInt(5);
    boolean sequences = rnd.nextBoolean();
    String merge = rnd.nextBoolean() ? "" : pick(new String[] {"CONCAT", "SUM", "MEAN", "MUL"});
    int width = merge.equals("CONCAT") ? 2 * units : units;
    String annotation = (merge.isEmpty() ? "" : "@Bidirectional(merge = Merge." + merge + ") ") + "@" + kind
        + "(units = " + units + (sequences ? ", returnSequences = true" : "") + ")";
    return new Step(annotation, sequences ? List.of(shape.get(0), width) : List.of(width));
  }

  private String dense(int units) {
    String activation = pick(ACTIVATIONS);
    return "@Dense(units = " + units + (activation.equals("LINEAR") ? "" : ", activation = " + activation)
        + (activation.equals("LEAKY_RELU") && rnd.nextBoolean() ? ", alpha = 0.1" : "")
        + (rnd.nextInt(5) == 0 ? ", kernelL2 = 1e-4" : "") + (rnd.nextInt(8) == 0 ? ", useBias = false" : "") + ")";
  }

  /** The output layer, its {@code @Output} and the {@code @Model} line, with a loss that suits them. */
  record Head(String modelAnnotation, String outputAnnotation, String layer, int units) {}

  private Head head() {
    String loss = pick(new String[] {"MSE", "MAE", "BINARY_CROSSENTROPY", "CATEGORICAL_CROSSENTROPY",
        "SPARSE_CATEGORICAL_CROSSENTROPY"});
    int units;
    String layer;
    switch (loss) {
      case "BINARY_CROSSENTROPY" -> {
        units = 1;
        layer = "@Dense(units = 1, activation = SIGMOID)";
      }
      case "CATEGORICAL_CROSSENTROPY", "SPARSE_CATEGORICAL_CROSSENTROPY" -> {
        units = 2 + rnd.nextInt(4);
        layer = "@Dense(units = " + units + ", activation = SOFTMAX)";
      }
      default -> {
        units = 1 + rnd.nextInt(4);
        layer = "@Dense(units = " + units + ", activation = " + pick(new String[] {"LINEAR", "TANH", "RELU"}) + ")";
      }
    }
    String optimizer = "optimizer = @Optimizer(value = OptimizerType." + pick(OPTIMIZERS) + ", learningRate = "
        + pick(new String[] {"0.1", "0.01", "1e-3", "3e-4"}) + ")";
    boolean onModel = rnd.nextBoolean();
    String metrics = loss.contains("CATEGORICAL") && rnd.nextBoolean() ? ", metrics = Metric.ACCURACY" : "";
    return new Head("@Model(" + (onModel ? "loss = " + loss + ", " : "") + optimizer + metrics + ")",
        onModel ? "@Output" : "@Output(loss = " + loss + ")", layer, units);
  }

  // ---------------------------------------------------------------- mutations of a valid model

  private List<Function<Built, RandomModel>> commonMutations() {
    List<Function<Built, RandomModel>> m = new ArrayList<>();
    m.add(b -> replaceInDense(b, "units = \\d+", "units = " + pick(new String[] {"0", "-3"}), "units"));
    m.add(b -> replaceInDense(b, "\\)$", ", kernelL2 = " + pick(new String[] {"-1.0", "Double.NaN"}) + ")", "penalty"));
    m.add(b -> insertAfter(b, any(), "@Dropout(" + pick(new String[] {"1.0", "-0.25", "1.5", "Double.NaN"}) + ")",
        "dropout rate"));
    m.add(b -> insertAfter(b, any(), "@Reshape(" + pick(new String[] {"0", "{-1, -1}", "{3, -2}"}) + ")",
        "reshape dims"));
    m.add(b -> insertAfter(b, any(), "@Reshape(" + 1_000_003 + ")", "reshape count"));
    m.add(b -> insertAfter(b, rank(1), "@LSTM(units = 4)", "lstm on features"));
    m.add(b -> insertAfter(b, rank(1), "@Conv(filters = 2, kernel = 3)", "conv on features"));
    m.add(b -> insertAfter(b, rank(1), "@Masking", "masking on features"));
    m.add(b -> insertAfter(b, rank(1), "@MaxPool(2)", "pool on features"));
    m.add(b -> insertAfter(b, rank(1), "@Embedding(vocabulary = 0, dimension = 4)", "embedding vocabulary"));
    m.add(b -> insertAfter(b, any(), "@BatchNorm(" + pick(new String[] {"momentum = 1.5", "momentum = -0.1",
        "epsilon = 0", "epsilon = Double.POSITIVE_INFINITY"}) + ")", "batch norm"));
    m.add(b -> insertAfter(b, any(), "@Activation(value = LEAKY_RELU, alpha = "
        + pick(new String[] {"Double.NaN", "Double.POSITIVE_INFINITY"}) + ")", "activation alpha"));
    m.add(b -> insertAfter(b, spatial(), "@Dense(units = 4)", "dense on spatial"));
    m.add(b -> insertAfter(b, spatial(), "@UpSampling(" + pick(new String[] {"0", "-2", "{}"}) + ")", "upsampling"));
    m.add(b -> insertAfter(b, spatial(), "@ZeroPadding(-1)", "zero padding"));
    m.add(b -> insertAfter(b, spatial(), "@Conv(filters = " + pick(new String[] {"0", "-1"}) + ", kernel = 1)",
        "conv filters"));
    m.add(b -> insertAfter(b, spatial(), "@AvgPool(0)", "pool window"));
    m.add(this::kernelTooLarge);
    m.add(this::poolTooLarge);
    m.add(b -> b.model().withModelAnnotation(b.model().modelAnnotation().replaceAll("learningRate = [^)]*",
        "learningRate = " + pick(new String[] {"0", "-0.1", "Double.NaN", "Double.POSITIVE_INFINITY"})), "rate"));
    m.add(b -> b.model().withModelAnnotation(b.model().modelAnnotation().replaceAll("(learningRate = [^)]*)\\)",
        "$1, " + pick(new String[] {"beta1 = 1.0", "momentum = -0.5", "epsilon = 0", "clipNorm = -1.0",
            "clipValue = Double.POSITIVE_INFINITY", "weightDecay = Double.NaN"}) + ")"), "optimizer"));
    m.add(this::noOutputs);
    m.add(this::noInputs);
    m.add(this::inputDimension);
    m.add(b -> retype(b, pick(new String[] {"int", "String", "float[]"}), "not a tensor"));
    m.add(b -> annotateDense(b, "@Dropout(0.1)", "two layers"));
    m.add(b -> annotateDense(b, "@Bidirectional", "bidirectional dense"));
    m.add(this::lossMismatch);
    m.add(this::negativeWeight);
    m.add(b -> replaceIn(b, "units = \\d+", "units = 0", "@LSTM|@GRU|@SimpleRNN", "rnn units"));
    m.add(b -> replaceIn(b, "dimension = \\d+", "dimension = -1", "@Embedding", "embedding dimension"));
    return m;
  }

  private List<Function<Built, RandomModel>> sequentialMutations() {
    List<Function<Built, RandomModel>> m = new ArrayList<>();
    m.add(b -> insertAfter(b, i -> i > 0, "@Input(shape = 3)", "second input"));
    m.add(b -> insertAfter(b, any(), "@Output", "output alone"));
    return m;
  }

  private List<Function<Built, RandomModel>> graphMutations() {
    List<Function<Built, RandomModel>> m = new ArrayList<>();
    m.add(this::unknownParameter);
    m.add(this::selfCycle);
    m.add(this::denseWithTwoInputs);
    m.add(b -> insertGraph(b, "@Concatenate", List.of(b.model().members().get(0).name()), "concatenate arity"));
    m.add(this::addMismatch);
    m.add(this::overload);
    m.add(b -> insertGraph(b, "@Dense(units = 3)", List.of(), "no parameters"));
    m.add(b -> insertGraph(b, "@Input(shape = 3)", List.of(b.model().members().get(0).name()), "input parameter"));
    return m;
  }

  /** Positions whose member is a tensor of rank 2 (flat features). */
  private static java.util.function.BiPredicate<Built, Integer> rank(int dims) {
    return (b, i) -> b.shapes().get(i) != null && b.shapes().get(i).size() == dims;
  }

  private static java.util.function.BiPredicate<Built, Integer> spatial() {
    return (b, i) -> b.shapes().get(i) != null && b.shapes().get(i).size() > 1;
  }

  private static java.util.function.BiPredicate<Built, Integer> any() {
    return (b, i) -> b.shapes().get(i) != null;
  }

  /** Inserts {@code annotation} as a new layer consuming member {@code i} (a random one that fits {@code where}). */
  private RandomModel insertAfter(Built b, java.util.function.BiPredicate<Built, Integer> where, String annotation,
      String what) {
    List<Integer> fits = IntStream.range(0, b.model().members().size()).filter(i -> where.test(b, i)).boxed().toList();
    if (fits.isEmpty()) {
      return null;
    }
    int at = fits.get(rnd.nextInt(fits.size()));
    RandomModel model = b.model();
    List<Member> members = new ArrayList<>(model.members());
    String name = "broken";
    if (model.graph()) {
      members.add(new Member(annotation, "Tensor", name, List.of(members.get(at).name())));
    } else {
      members.add(at + 1, new Member(annotation, "Tensor", name, List.of()));
    }
    return model.withMembers(members, marker(model, name), what);
  }

  private RandomModel insertAfter(Built b, java.util.function.Predicate<Integer> where, String annotation,
      String what) {
    return insertAfter(b, (built, i) -> where.test(i), annotation, what);
  }

  private RandomModel insertGraph(Built b, String annotation, List<String> params, String what) {
    List<Member> members = new ArrayList<>(b.model().members());
    members.add(new Member(annotation, "Tensor", "broken", params));
    return b.model().withMembers(members, marker(b.model(), "broken"), what);
  }

  private static String marker(RandomModel model, String name) {
    return " " + name + (model.graph() ? "(" : ";");
  }

  private RandomModel replaceInDense(Built b, String regex, String replacement, String what) {
    return replaceIn(b, regex, replacement, "@Dense", what);
  }

  /** Rewrites the annotations of a random member whose annotations contain {@code where}. */
  private RandomModel replaceIn(Built b, String regex, String replacement, String where, String what) {
    List<Member> members = new ArrayList<>(b.model().members());
    List<Integer> fits = IntStream.range(0, members.size())
        .filter(i -> members.get(i).annotations().matches(".*(" + where + ").*")
            && !members.get(i).annotations().replaceAll(regex, replacement).equals(members.get(i).annotations()))
        .boxed().toList();
    if (fits.isEmpty()) {
      return null;
    }
    int at = fits.get(rnd.nextInt(fits.size()));
    Member member = members.get(at);
    members.set(at, member.withAnnotations(member.annotations().replaceAll(regex, replacement)));
    return b.model().withMembers(members, marker(b.model(), member.name()), what);
  }

  private RandomModel annotateDense(Built b, String extra, String what) {
    return replaceIn(b, "@Dense", extra + " @Dense", "@Dense", what);
  }

  private RandomModel kernelTooLarge(Built b) {
    return tooLarge(b, k -> "@Conv(filters = 2, kernel = " + k + ")", "kernel too large");
  }

  private RandomModel poolTooLarge(Built b) {
    return tooLarge(b, k -> "@MaxPool(" + k + ")", "window too large");
  }

  private RandomModel tooLarge(Built b, Function<Integer, String> layer, String what) {
    List<Integer> fits = IntStream.range(0, b.shapes().size())
        .filter(i -> b.shapes().get(i) != null && b.shapes().get(i).size() > 1 && b.shapes().get(i).size() <= 4)
        .boxed().toList();
    if (fits.isEmpty()) {
      return null;
    }
    int at = fits.get(rnd.nextInt(fits.size()));
    List<Integer> shape = b.shapes().get(at);
    int largest = shape.subList(0, shape.size() - 1).stream().mapToInt(Integer::intValue).max().orElseThrow();
    return insertAfter(b, (built, i) -> i == at, layer.apply(largest + 1), what);
  }

  private RandomModel noOutputs(Built b) {
    List<Member> members = b.model().members().stream()
        .map(m -> m.withAnnotations(m.annotations().replaceAll("@Output(\\([^)]*\\))? ?", "")))
        .toList();
    return b.model().withMembers(members, "@Model", "no outputs");
  }

  private RandomModel noInputs(Built b) {
    List<Member> members = b.model().members().stream()
        .map(m -> m.withAnnotations(m.annotations().replaceAll("@Input\\([^)]*\\)", "").trim()))
        .toList();
    // The former input is now a tensor without a layer: the error sits on it.
    return b.model().withMembers(members, marker(b.model(), members.get(0).name()), "no inputs");
  }

  private RandomModel inputDimension(Built b) {
    Member input = b.model().members().get(0);
    String bad = pick(new String[] {"{0}", "{-1}", "{}", "{4, 0}"});
    String annotations = input.annotations().replaceAll("shape = (\\{[^}]*}|\\d+)", "shape = " + bad);
    List<Member> members = new ArrayList<>(b.model().members());
    members.set(0, input.withAnnotations(annotations));
    return b.model().withMembers(members, marker(b.model(), input.name()), "input shape");
  }

  private RandomModel retype(Built b, String type, String what) {
    List<Member> members = new ArrayList<>(b.model().members());
    int at = 1 + rnd.nextInt(members.size() - 1);
    Member member = members.get(at);
    if (!member.type().equals("Tensor")) {
      return null;
    }
    members.set(at, member.withType(type));
    return b.model().withMembers(members, marker(b.model(), member.name()), what);
  }

  private RandomModel lossMismatch(Built b) {
    List<Member> members = new ArrayList<>(b.model().members());
    int at = members.size() - 1;
    while (!members.get(at).annotations().startsWith("@Output")) {
      at--;
    }
    Member output = members.get(at);
    String replacement = pick(new String[] {"@Output(loss = MSE) @Dense(units = 3, activation = SOFTMAX)",
        "@Output(loss = SPARSE_CATEGORICAL_CROSSENTROPY) @Dense(units = 3, activation = RELU)",
        "@Output(loss = CATEGORICAL_CROSSENTROPY) @Dense(units = 1, activation = SOFTMAX)",
        "@Output(loss = BINARY_CROSSENTROPY) @Dense(units = 1, activation = TANH)"});
    members.set(at, output.withAnnotations(replacement));
    return b.model().withMembers(members, marker(b.model(), output.name()), "loss mismatch");
  }

  private RandomModel negativeWeight(Built b) {
    return replaceIn(b, "^@Output(\\([^)]*\\))?", "@Output(weight = -1.0)", "^@Output", "negative weight");
  }

  private RandomModel unknownParameter(Built b) {
    List<Member> members = new ArrayList<>(b.model().members());
    List<Integer> fits = IntStream.range(0, members.size()).filter(i -> !members.get(i).params().isEmpty())
        .boxed().toList();
    int at = fits.get(rnd.nextInt(fits.size()));
    Member member = members.get(at);
    List<String> params = new ArrayList<>(member.params());
    params.set(0, params.get(0) + "x");
    members.set(at, member.withParams(params));
    return b.model().withMembers(members, marker(b.model(), member.name()), "unknown parameter");
  }

  private RandomModel selfCycle(Built b) {
    List<Member> members = new ArrayList<>(b.model().members());
    List<Integer> fits = IntStream.range(0, members.size())
        .filter(i -> members.get(i).annotations().startsWith("@Dense")).boxed().toList();
    if (fits.isEmpty()) {
      return null;
    }
    int at = fits.get(rnd.nextInt(fits.size()));
    Member member = members.get(at);
    members.set(at, member.withParams(List.of(member.name())));
    return b.model().withMembers(members, marker(b.model(), member.name()), "self cycle");
  }

  private RandomModel denseWithTwoInputs(Built b) {
    List<Member> members = new ArrayList<>(b.model().members());
    List<Integer> fits = IntStream.range(0, members.size())
        .filter(i -> members.get(i).annotations().contains("@Dense")).boxed().toList();
    int at = fits.get(rnd.nextInt(fits.size()));
    Member member = members.get(at);
    String other = members.get(0).name().equals(member.params().get(0)) ? members.get(1).name() : members.get(0).name();
    if (other.equals(member.name())) {
      return null;
    }
    members.set(at, member.withParams(List.of(member.params().get(0), other)));
    return b.model().withMembers(members, marker(b.model(), member.name()), "dense arity");
  }

  private RandomModel addMismatch(Built b) {
    List<Member> members = b.model().members();
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        if (b.shapes().get(i) != null && b.shapes().get(j) != null && !b.shapes().get(i).equals(b.shapes().get(j))) {
          return insertGraph(b, "@Add", List.of(members.get(i).name(), members.get(j).name()), "add shapes");
        }
      }
    }
    return null;
  }

  private RandomModel overload(Built b) {
    List<Member> members = new ArrayList<>(b.model().members());
    Member original = members.get(members.size() - 1);
    String param = members.stream().map(Member::name).filter(n -> !original.params().contains(n)
        && !n.equals(original.name())).findFirst().orElse(null);
    if (param == null) {
      return null;
    }
    List<String> params = new ArrayList<>(original.params());
    params.add(param);
    Member overload = new Member("@Dense(units = 2)", "Tensor", original.name(), params);
    members.add(overload);
    return b.model().withMembers(members, overload.line(true).trim(), "overload");
  }

  // ---------------------------------------------------------------- chaos

  private String chaosInput() {
    return "@Input(shape = " + chaosInts(true) + (rnd.nextInt(6) == 0 ? ", dtype = DType.INT32" : "") + ")";
  }

  private String chaosLayer() {
    String act = pick(ACTIVATIONS_AND_SOFTMAX);
    String pad = "Padding." + (rnd.nextBoolean() ? "VALID" : "SAME");
    return switch (rnd.nextInt(28)) {
      case 0 -> chaosInput();
      case 1, 2, 3 -> "@Dense(units = " + chaosInt() + ", activation = " + act + ", alpha = " + chaosDouble()
          + (rnd.nextBoolean() ? ", kernelL2 = " + chaosDouble() : "") + ")";
      case 4 -> "@Dropout(" + chaosDouble() + ")";
      case 5 -> "@Flatten";
      case 6 -> "@Reshape(" + chaosInts(false) + ")";
      case 7 -> "@Activation(value = " + act + ", alpha = " + chaosDouble() + ")";
      case 8 -> "@Concatenate";
      case 9 -> "@Add";
      case 10, 11 -> "@Conv(filters = " + chaosInt() + ", kernel = " + chaosInts(false) + ", strides = "
          + chaosInts(false) + ", padding = " + pad + ", dilation = " + chaosInts(false) + ", alpha = "
          + chaosDouble() + ")";
      case 12 -> "@ConvTranspose(filters = " + chaosInt() + ", kernel = " + chaosInts(false) + ", strides = "
          + chaosInts(false) + ", padding = " + pad + ")";
      case 13 -> "@MaxPool(" + chaosInts(false) + ")";
      case 14 -> "@AvgPool(value = " + chaosInts(false) + ", strides = " + chaosInts(false) + ", padding = " + pad
          + ")";
      case 15 -> rnd.nextBoolean() ? "@GlobalMaxPool" : "@GlobalAvgPool";
      case 16 -> "@BatchNorm(momentum = " + chaosDouble() + ", epsilon = " + chaosDouble() + ")";
      case 17 -> "@ZeroPadding(" + chaosInts(false) + ")";
      case 18 -> "@UpSampling(" + chaosInts(false) + ")";
      case 19 -> "@SpatialDropout(" + chaosDouble() + ")";
      case 20 -> "@SimpleRNN(units = " + chaosInt() + ", returnSequences = " + rnd.nextBoolean() + ")";
      case 21 -> "@LSTM(units = " + chaosInt() + ", activation = " + act + ", returnSequences = " + rnd.nextBoolean()
          + ")";
      case 22 -> "@GRU(units = " + chaosInt() + ", resetAfter = " + rnd.nextBoolean() + ")";
      case 23 -> "@Bidirectional(merge = Merge." + pick(new String[] {"CONCAT", "SUM", "MEAN", "MUL"}) + ") @"
          + pick(new String[] {"LSTM", "GRU", "SimpleRNN", "Dense"}) + "(units = " + chaosInt() + ")";
      case 24 -> "@Embedding(vocabulary = " + chaosInt() + ", dimension = " + chaosInt() + ", maskZero = "
          + rnd.nextBoolean() + ")";
      case 25 -> "@Masking(" + chaosDouble() + ")";
      case 26 -> "@Dense(units = " + chaosInt() + ") @Dropout(0.5)";
      default -> "";
    };
  }

  private static final String[] ACTIVATIONS_AND_SOFTMAX =
      {"LINEAR", "RELU", "LEAKY_RELU", "SIGMOID", "TANH", "SOFTMAX", "ELU", "SELU", "GELU", "SWISH", "SOFTPLUS"};
  private static final String[] LOSSES =
      {"NONE", "MSE", "MAE", "BINARY_CROSSENTROPY", "CATEGORICAL_CROSSENTROPY", "SPARSE_CATEGORICAL_CROSSENTROPY"};

  private String chaosOutput(List<String> names) {
    return switch (rnd.nextInt(5)) {
      case 0 -> "@Output(loss = " + pick(LOSSES) + ")";
      case 1 -> "@Output(target = \"" + (names.isEmpty() || rnd.nextInt(3) == 0 ? "nowhere"
          : names.get(rnd.nextInt(names.size()))) + "\")";
      case 2 -> "@Output(weight = " + chaosDouble() + ")";
      default -> "@Output";
    };
  }

  private String chaosModelAnnotation() {
    List<String> parts = new ArrayList<>();
    if (rnd.nextInt(4) > 0) {
      parts.add("loss = " + pick(LOSSES));
    }
    if (rnd.nextBoolean()) {
      parts.add("optimizer = @Optimizer(value = OptimizerType." + pick(OPTIMIZERS) + ", learningRate = "
          + chaosDouble() + (rnd.nextBoolean() ? ", " + pick(new String[] {"beta1", "beta2", "momentum", "rho",
          "epsilon", "weightDecay", "clipNorm", "clipValue"}) + " = " + chaosDouble() : "") + ")");
    }
    if (rnd.nextInt(3) == 0) {
      parts.add("metrics = {Metric.ACCURACY, Metric." + pick(new String[] {"MAE", "MSE", "RMSE"}) + "}");
    }
    return "@Model(" + String.join(", ", parts) + ")";
  }

  /** Mostly ordinary values, so that some chaotic models are valid; otherwise an edge value. */
  private String chaosInt() {
    if (rnd.nextInt(10) < 7) {
      return String.valueOf(1 + rnd.nextInt(8));
    }
    return pick(new String[] {"-1", "0", "1", "2", "3", "4", "5", "8", "28", "100000", "Integer.MAX_VALUE"});
  }

  private String chaosDouble() {
    if (rnd.nextInt(10) < 6) {
      return pick(new String[] {"0.1", "0.2", "0.5"});
    }
    return pick(new String[] {"-1.0", "0", "0.5", "0.9", "1.0", "1.5", "1e-3", "Double.NaN",
        "Double.POSITIVE_INFINITY", "Double.NEGATIVE_INFINITY", "1e-300", "Double.MAX_VALUE"});
  }

  private String chaosInts(boolean small) {
    int n = rnd.nextInt(small ? 4 : 5);
    return IntStream.range(0, n)
        .mapToObj(i -> small && rnd.nextInt(4) > 0 ? String.valueOf(1 + rnd.nextInt(9)) : chaosInt())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  // ---------------------------------------------------------------- helpers

  private String rate() {
    return pick(new String[] {"0.0", "0.1", "0.25", "0.5", "0.9"});
  }

  private List<Integer> distinct(int n, int bound) {
    List<Integer> all = new ArrayList<>(IntStream.range(0, bound).boxed().toList());
    java.util.Collections.shuffle(all, rnd);
    return all.subList(0, n).stream().sorted().toList();
  }

  private String pick(String[] options) {
    return options[rnd.nextInt(options.length)];
  }

  private static int size(List<Integer> shape) {
    return shape.stream().reduce(1, (a, b) -> a * b);
  }

  private static String braces(List<Integer> dims) {
    return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
  }

  /** Member names: mostly {@code l<i>}, sometimes a name generated code might use itself. */
  private final class Names {
    private final Set<String> used = new HashSet<>();
    private int next;

    String next() {
      String name = rnd.nextInt(6) == 0 ? pick(TRICKY_NAMES) : "l" + next;
      next++;
      if (!used.add(name)) {
        name = name + next;
        used.add(name);
      }
      return name;
    }
  }
}
