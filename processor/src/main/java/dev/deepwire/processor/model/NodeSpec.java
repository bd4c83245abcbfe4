package dev.deepwire.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * One layer of a model: a field (sequential form) or an abstract method (graph form).
 *
 * @param name the member's name, which is also the layer's name and scope
 * @param layer what it computes
 * @param inputs the layers it consumes, in order
 * @param output its {@code @Output}, if it is an output
 * @param element the member, kept only to report errors on
 * @param annotation the layer annotation, kept only to report errors on; {@code null} for sub-models and
 *     identity outputs
 * @param part the autoencoder half it is marked as
 */
public record NodeSpec(
    String name,
    LayerConfig layer,
    List<InputRef> inputs,
    Optional<OutputConfig> output,
    Element element,
    AnnotationMirror annotation,
    Part part) {

  /** Which half of an autoencoder a node belongs to, if any ({@code @Encoder} / {@code @Decoder}). */
  public enum Part {
    NONE,
    ENCODER,
    DECODER
  }

  public NodeSpec {
    inputs = List.copyOf(inputs);
  }

  /** A node outside the halves of an autoencoder. */
  public NodeSpec(String name, LayerConfig layer, List<InputRef> inputs, Optional<OutputConfig> output,
      Element element, AnnotationMirror annotation) {
    this(name, layer, inputs, output, element, annotation, Part.NONE);
  }

  /** Whether this node is an {@code @Input}. */
  public boolean isInput() {
    return layer instanceof LayerConfig.InputLayer;
  }
}
