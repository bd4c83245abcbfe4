package dev.deepwire.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code @Embedding} an output layer ties its projection to, found from a dotted name: {@code "vectors"} (a
 * layer of the model) or {@code "encoded.vectors"} (layer {@code vectors} of the sub-model member
 * {@code encoded}). Pure: reads only the {@link ModelSpec}.
 *
 * @param vocabulary the table's rows
 * @param dimension the table's columns
 * @param scopes the scope names from the model's scope down to the embedding's, e.g. {@code [bertEncoder, vectors]}
 */
public record TiedEmbedding(int vocabulary, int dimension, List<String> scopes) {

  public TiedEmbedding {
    scopes = List.copyOf(scopes);
  }

  /** The result of {@link #resolve}: the embedding, or why there is none. */
  public record Resolution(Optional<TiedEmbedding> embedding, String problem) {}

  /** Finds the embedding {@code tiedTo} names in {@code spec}. */
  public static Resolution resolve(ModelSpec spec, String tiedTo) {
    String[] parts = tiedTo.split("\\.", -1);
    ModelSpec owner = spec;
    List<String> scopes = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      Optional<NodeSpec> node = owner.node(part);
      if (node.isEmpty()) {
        return problem("found no layer '" + part + "' in " + owner.simpleName() + embeddingsOf(owner));
      }
      LayerConfig layer = node.get().layer();
      if (i < parts.length - 1) {
        if (!(layer instanceof LayerConfig.SubModelLayer sub)) {
          return problem("'" + part + "' is " + layer.label() + ", not a sub-model");
        }
        owner = sub.model();
        scopes.add(owner.scopeName());
      } else if (layer instanceof LayerConfig.EmbeddingLayer embedding) {
        scopes.add(part);
        return new Resolution(Optional.of(new TiedEmbedding(embedding.vocabulary(), embedding.dimension(), scopes)),
            "");
      } else {
        return problem("'" + tiedTo + "' is " + layer.label() + embeddingsOf(owner));
      }
    }
    return problem("found an empty name");
  }

  private static Resolution problem(String found) {
    return new Resolution(Optional.empty(), found);
  }

  private static String embeddingsOf(ModelSpec model) {
    List<String> names = model.nodes().stream()
        .filter(n -> n.layer() instanceof LayerConfig.EmbeddingLayer).map(NodeSpec::name).toList();
    return names.isEmpty() ? " (it has no @Embedding)" : " (its @Embedding layers: " + String.join(", ", names) + ")";
  }
}
