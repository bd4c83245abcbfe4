package dev.deepwire.processor.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * A parsed {@code @Model} declaration: the pure model between parsing and checking or writing.
 *
 * @param packageName the model's package
 * @param simpleNames the model's simple name, preceded by those of its enclosing classes
 * @param sourceFile the name of the file that declares it, e.g. {@code FashionDnn.java}
 * @param nodes the layers in declaration order
 * @param loss the {@code Loss} constant name of {@code @Model.loss}
 * @param optimizer the {@code OptimizerType} constant name
 * @param optimizerSettings the other {@code @Optimizer} settings that differ from their defaults, by name
 * @param metrics {@code Metric} constant names
 * @param element the model type, kept only to report errors on
 * @param annotation the {@code @Model} annotation, kept only to report errors on
 */
public record ModelSpec(
    String packageName,
    List<String> simpleNames,
    String sourceFile,
    Form form,
    List<NodeSpec> nodes,
    String loss,
    String optimizer,
    double learningRate,
    Map<String, Object> optimizerSettings,
    List<String> metrics,
    TypeElement element,
    AnnotationMirror annotation) {

  public ModelSpec {
    simpleNames = List.copyOf(simpleNames);
    nodes = List.copyOf(nodes);
    metrics = List.copyOf(metrics);
    optimizerSettings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(optimizerSettings));
  }

  /** The model's simple name. */
  public String simpleName() {
    return simpleNames.get(simpleNames.size() - 1);
  }

  /** The node called {@code name}, if any. */
  public Optional<NodeSpec> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** The {@code @Input} nodes in declaration order. */
  public List<NodeSpec> inputs() {
    return nodes.stream().filter(NodeSpec::isInput).toList();
  }

  /** The {@code @Output} nodes in declaration order. */
  public List<NodeSpec> outputs() {
    return nodes.stream().filter(n -> n.output().isPresent()).toList();
  }

  /** The scope name every use of this model as a sub-model shares: its decapitalised simple name. */
  public String scopeName() {
    String name = simpleName();
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
