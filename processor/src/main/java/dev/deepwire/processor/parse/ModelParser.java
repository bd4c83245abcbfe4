package dev.deepwire.processor.parse;

import static dev.deepwire.processor.AnnotationNames.BIDIRECTIONAL;
import static dev.deepwire.processor.AnnotationNames.DECODER;
import static dev.deepwire.processor.AnnotationNames.ENCODER;
import static dev.deepwire.processor.AnnotationNames.LAYERS;
import static dev.deepwire.processor.AnnotationNames.MODEL;
import static dev.deepwire.processor.AnnotationNames.OUTPUT;
import static dev.deepwire.processor.AnnotationNames.TENSOR;

import com.google.auto.common.MoreElements;
import dev.deepwire.processor.model.Form;
import dev.deepwire.processor.model.InputRef;
import dev.deepwire.processor.model.LayerConfig;
import dev.deepwire.processor.model.ModelSpec;
import dev.deepwire.processor.model.NodeSpec;
import dev.deepwire.processor.model.OutputConfig;
import dev.deepwire.processor.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Parses a {@code @Model} type element into a {@link ModelSpec}, reporting misuses of single members. */
public final class ModelParser {

  private final Map<String, ParsedModel> cache = new HashMap<>();
  private final Set<String> inProgress = new LinkedHashSet<>();

  /** Parses {@code type} and, through its members, the sub-models it uses (each once). */
  public ParsedModel parse(TypeElement type) {
    String key = type.getQualifiedName().toString();
    ParsedModel cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    inProgress.add(key);
    try {
      ParsedModel parsed = new Run(type).parse();
      cache.put(key, parsed);
      return parsed;
    } finally {
      inProgress.remove(key);
    }
  }

  /** The parse of one model type. */
  private final class Run {
    private final TypeElement type;
    private final Report report = new Report();
    private final List<NodeSpec> nodes = new ArrayList<>();
    private final String modelName;

    Run(TypeElement type) {
      this.type = type;
      this.modelName = type.getSimpleName().toString();
    }

    ParsedModel parse() {
      AnnotationMirror model = mirror(type, MODEL).orElseThrow();
      if (UnresolvedValues.in(type)) {
        return unresolved(model);
      }
      Form form = form();
      visibleToGeneratedCode(model);
      if (form != null) {
        for (Element member : type.getEnclosedElements()) {
          if (member.getKind() == ElementKind.FIELD) {
            field((VariableElement) member, form);
          } else if (member.getKind() == ElementKind.METHOD) {
            method((ExecutableElement) member, form);
          }
        }
      }
      AnnotationReader r = new AnnotationReader(model);
      AnnotationReader optimizer = new AnnotationReader(r.annotation("optimizer"));
      ModelSpec spec = new ModelSpec(packageName(), simpleNames(), sourceFile(),
          form == null ? Form.SEQUENTIAL : form, nodes, r.enumName("loss"), optimizer.enumName("value"),
          optimizer.doubleValue("learningRate"), OptimizerSettingsReader.nonDefaults(optimizer),
          r.enumNames("metrics"), type, model);
      return new ParsedModel(spec, report);
    }

    /** A model that cannot be read: javac reported its unresolved values; say why it is not generated. */
    private ParsedModel unresolved(AnnotationMirror model) {
      report.error("Model.unresolved", "@Model '" + modelName + "' needs every annotation value resolved, but javac"
          + " could not resolve some of them. Fix the errors reported on those values first.", type, model, "");
      return new ParsedModel(new ModelSpec(packageName(), simpleNames(), sourceFile(), Form.SEQUENTIAL, List.of(),
          "NONE", "ADAM", 1e-3, Map.of(), List.of(), type, model), report);
    }

    /** The generated graph sits in the model's package and names the model type. */
    private void visibleToGeneratedCode(AnnotationMirror model) {
      for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
        if (t.getModifiers().contains(Modifier.PRIVATE)) {
          String what = t == type ? "it is private" : "it is nested in private " + t.getSimpleName();
          report.error("Model.access", "@Model '" + modelName + "' needs to be visible to its generated code in"
              + " the same package, but " + what + ". Remove 'private'.", type, model, "");
          return;
        }
      }
    }

    private Form form() {
      ElementKind kind = type.getKind();
      if (kind == ElementKind.INTERFACE) {
        return Form.GRAPH;
      }
      if (kind == ElementKind.CLASS) {
        return type.getModifiers().contains(Modifier.ABSTRACT) ? Form.GRAPH : Form.SEQUENTIAL;
      }
      report.error("Model.kind", "@Model on '" + modelName + "' needs a class (sequential form) or an interface or"
          + " abstract class (graph form), but found " + kindName(kind) + ". Declare " + modelName
          + " as a class.", type, mirror(type, MODEL).orElseThrow(), "");
      return null;
    }

    private void field(VariableElement field, Form form) {
      List<AnnotationMirror> layers = layerAnnotations(field);
      Optional<AnnotationMirror> output = mirror(field, OUTPUT);
      String name = field.getSimpleName().toString();
      if (form == Form.GRAPH) {
        if (!layers.isEmpty() || output.isPresent()) {
          AnnotationMirror at = layers.isEmpty() ? output.get() : layers.get(0);
          report.error("Layer.form", annotationName(at) + " on field '" + name + "' needs a method in graph-form model '"
              + modelName + "' (an interface or abstract class), but found a field. Declare it as an abstract"
              + " method 'Tensor " + name + "(...)'.", field, at, "");
        }
        return;
      }
      List<InputRef> inputs = nodes.isEmpty() ? List.of() : List.of(new InputRef(last().name(), field));
      node(field, name, field.asType(), layers, output, inputs, form);
    }

    private void method(ExecutableElement method, Form form) {
      List<AnnotationMirror> layers = layerAnnotations(method);
      Optional<AnnotationMirror> output = mirror(method, OUTPUT);
      String name = method.getSimpleName().toString();
      boolean annotated = !layers.isEmpty() || output.isPresent();
      if (form == Form.SEQUENTIAL) {
        if (annotated) {
          AnnotationMirror at = layers.isEmpty() ? output.get() : layers.get(0);
          report.error("Layer.form", annotationName(at) + " on method '" + name + "()' needs a field in sequential"
              + " model '" + modelName + "' (a class), but found a method. Declare a field 'Tensor " + name
              + ";', or make " + modelName + " an interface to use the graph form.", method, at, "");
        }
        return;
      }
      if (method.getModifiers().contains(Modifier.STATIC)) {
        return;
      }
      if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
        if (annotated || isTensor(method.getReturnType())) {
          report.error("Layer.custom", "Method '" + name + "' in graph-form model '" + modelName + "' needs to be"
              + " abstract, but found a method with a body; custom layers are not supported yet. Remove the body"
              + " and use a layer annotation such as @Dense.", method);
        }
        return;
      }
      if (nodes.stream().anyMatch(n -> n.name().equals(name))) {
        report.error("Name.duplicate", "Layer '" + name + "' needs a unique name in '" + modelName + "', but found a"
            + " second method called '" + name + "'. Rename one of them; overloads are not allowed.", method);
        return;
      }
      List<InputRef> inputs = new ArrayList<>();
      for (VariableElement param : method.getParameters()) {
        String paramName = param.getSimpleName().toString();
        if (!isTensor(param.asType())) {
          report.error("Layer.paramType", "Parameter '" + paramName + "' of '" + name + "' needs type Tensor, but"
              + " found " + typeName(param.asType()) + ". Parameters name the layers '" + name + "' consumes.",
              param);
        }
        inputs.add(new InputRef(paramName, param));
      }
      node(method, name, method.getReturnType(), layers, output, inputs, form);
    }

    private void node(Element member, String name, TypeMirror type, List<AnnotationMirror> layers,
        Optional<AnnotationMirror> output, List<InputRef> inputs, Form form) {
      Optional<OutputConfig> outputConfig = output.map(LayerConfigs::output);
      NodeSpec.Part part = part(member, name);
      Optional<TypeElement> subModel = subModel(type);
      if (subModel.isPresent()) {
        String subName = subModel.get().getSimpleName().toString();
        if (!layers.isEmpty()) {
          report.error("Layer.multiple", "'" + name + "' needs one layer kind, but is both sub-model " + subName
              + " and " + annotationName(layers.get(0)) + ". Remove " + annotationName(layers.get(0))
              + ", or declare it as a Tensor.", member, layers.get(0), "");
          return;
        }
        String key = subModel.get().getQualifiedName().toString();
        if (inProgress.contains(key)) {
          List<String> chain = new ArrayList<>(inProgress.stream().map(ModelParser::simple).toList());
          chain.add(subName);
          report.error("SubModel.cycle", "Sub-model " + subName + " on '" + name + "' needs to be a different model,"
              + " but it contains itself: " + String.join(" -> ", chain) + ". Break the loop of sub-models.",
              member);
          return;
        }
        ParsedModel parsed = ModelParser.this.parse(subModel.get());
        nodes.add(new NodeSpec(name, new LayerConfig.SubModelLayer(parsed.spec(), !parsed.report().hasErrors()),
            inputs, outputConfig, member, null, part));
        return;
      }
      boolean abstractMethod = member.getKind() == ElementKind.METHOD;
      if (!isTensor(type)) {
        if (!layers.isEmpty() || output.isPresent() || abstractMethod) {
          String what = layers.isEmpty() ? (output.isPresent() ? "@Output" : "Layer") : annotationName(layers.get(0));
          report.error("Layer.notTensor", what + " on '" + name + "' needs type Tensor (or a @Model type), but found "
              + typeName(type) + ". Declare it as 'Tensor " + name + (abstractMethod ? "(...)'." : "'."), member);
        }
        return;
      }
      if (layers.size() > 1) {
        report.error("Layer.multiple", "'" + name + "' needs exactly one layer annotation, but found "
            + layers.stream().map(ModelParser::annotationName).collect(Collectors.joining(" and "))
            + ". Declare one member per layer.", member, layers.get(1), "");
        return;
      }
      if (layers.isEmpty()) {
        if (output.isEmpty()) {
          report.error("Layer.missing", "Tensor '" + name + "' needs a layer annotation, but found none. Add one such"
              + " as @Dense(units = 16), or remove the member.", member);
        } else if (form == Form.SEQUENTIAL) {
          report.error("Output.alone", "@Output on '" + name + "' needs a layer annotation beside it in sequential"
              + " form, but found none. Put @Output on the layer that computes the output, e.g."
              + " @Output @Dense(units = 10).", member, output.get(), "");
        } else {
          nodes.add(new NodeSpec(name, new LayerConfig.IdentityLayer(), inputs, outputConfig, member, output.get(),
              part));
        }
        return;
      }
      AnnotationMirror layer = layers.get(0);
      LayerConfig config = LayerConfigs.of(qualifiedName(layer), layer);
      Optional<AnnotationMirror> bidirectional = mirror(member, BIDIRECTIONAL);
      if (bidirectional.isPresent()) {
        if (!(config instanceof LayerConfig.RecurrentLayer recurrent)) {
          report.error("Bidirectional.target", "@Bidirectional on '" + name + "' needs a recurrent layer (@SimpleRNN,"
              + " @LSTM or @GRU), but found " + annotationName(layer) + ". Remove @Bidirectional, or make '" + name
              + "' a recurrent layer.", member, bidirectional.get(), "");
          return;
        }
        config = recurrent.bidirectional(LayerConfigs.merge(bidirectional.get()));
      }
      nodes.add(new NodeSpec(name, config, inputs, outputConfig, member, layer, part));
    }

    /** The autoencoder half {@code member} is marked as; marking both is an error. */
    private NodeSpec.Part part(Element member, String name) {
      Optional<AnnotationMirror> encoder = mirror(member, ENCODER);
      Optional<AnnotationMirror> decoder = mirror(member, DECODER);
      if (encoder.isPresent() && decoder.isPresent()) {
        report.error("Part.both", "'" + name + "' needs to be in one half of the autoencoder, but found both"
            + " @Encoder and @Decoder. Keep the one for the half it belongs to.", member, decoder.get(), "");
      }
      return encoder.isPresent() ? NodeSpec.Part.ENCODER
          : decoder.isPresent() ? NodeSpec.Part.DECODER : NodeSpec.Part.NONE;
    }

    private NodeSpec last() {
      return nodes.get(nodes.size() - 1);
    }

    private String packageName() {
      return MoreElements.getPackage(type).getQualifiedName().toString();
    }

    private List<String> simpleNames() {
      List<String> names = new ArrayList<>();
      for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
        names.add(0, e.getSimpleName().toString());
      }
      return names;
    }

    private String sourceFile() {
      return simpleNames().get(0) + ".java";
    }
  }

  private static String simple(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }

  private static String kindName(ElementKind kind) {
    return switch (kind) {
      case ENUM -> "an enum";
      case RECORD -> "a record";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> kind.name().toLowerCase();
    };
  }

  private static List<AnnotationMirror> layerAnnotations(Element element) {
    return element.getAnnotationMirrors().stream()
        .filter(m -> LAYERS.contains(qualifiedName(m)))
        .map(m -> (AnnotationMirror) m)
        .toList();
  }

  private static Optional<AnnotationMirror> mirror(Element element, String name) {
    return element.getAnnotationMirrors().stream()
        .filter(m -> qualifiedName(m).equals(name))
        .map(m -> (AnnotationMirror) m)
        .findFirst();
  }

  private static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  private static String annotationName(AnnotationMirror mirror) {
    return "@" + mirror.getAnnotationType().asElement().getSimpleName();
  }

  private static boolean isTensor(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(TENSOR);
  }

  private static Optional<TypeElement> subModel(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return mirror(element, MODEL).map(m -> element);
  }

  private static String typeName(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((DeclaredType) type).asElement().getSimpleName().toString()
        : type.toString();
  }
}
