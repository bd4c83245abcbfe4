package dev.deepwire.processor.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The halves of an autoencoder in a model: its {@code @Encoder} and {@code @Decoder} nodes and the code
 * between them. A pure function of the model, shared by the checks and the graph writer.
 */
public record AutoencoderParts(List<NodeSpec> encoder, List<NodeSpec> decoder) {

  public AutoencoderParts {
    encoder = List.copyOf(encoder);
    decoder = List.copyOf(decoder);
  }

  /** The marked nodes of {@code spec}. */
  public static AutoencoderParts of(ModelSpec spec) {
    return new AutoencoderParts(
        spec.nodes().stream().filter(n -> n.part() == NodeSpec.Part.ENCODER).toList(),
        spec.nodes().stream().filter(n -> n.part() == NodeSpec.Part.DECODER).toList());
  }

  /** Whether the model marks any node. */
  public boolean present() {
    return !encoder.isEmpty() || !decoder.isEmpty();
  }

  /**
   * The code candidates: the unmarked-as-decoder nodes decoder nodes consume or, without decoder nodes, the
   * encoder nodes no other encoder node consumes. Exactly one for a well-formed autoencoder.
   */
  public List<String> codeCandidates() {
    Set<String> candidates = new LinkedHashSet<>();
    if (!decoder.isEmpty()) {
      Set<String> decoders = names(decoder);
      decoder.forEach(d -> d.inputs().stream().map(InputRef::name).filter(n -> !decoders.contains(n))
          .forEach(candidates::add));
    } else {
      Set<String> consumed = new LinkedHashSet<>();
      encoder.forEach(e -> e.inputs().forEach(in -> consumed.add(in.name())));
      encoder.stream().map(NodeSpec::name).filter(n -> !consumed.contains(n)).forEach(candidates::add);
    }
    return List.copyOf(candidates);
  }

  /** The code node's name, when there is exactly one candidate. */
  public Optional<String> code() {
    List<String> candidates = codeCandidates();
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  private static Set<String> names(List<NodeSpec> nodes) {
    Set<String> names = new LinkedHashSet<>();
    nodes.forEach(n -> names.add(n.name()));
    return names;
  }
}
