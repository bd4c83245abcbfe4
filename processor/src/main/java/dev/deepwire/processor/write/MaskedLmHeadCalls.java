package dev.deepwire.processor.write;

import static dev.deepwire.processor.TypeNames.MASKED_LM_HEAD;

import com.palantir.javapoet.CodeBlock;
import dev.deepwire.processor.model.LayerConfig;
import dev.deepwire.processor.model.ModelSpec;
import dev.deepwire.processor.model.TiedEmbedding;
import java.util.List;

/** Writes the call of a {@code @MaskedLmHead}: the head gets the scope of the embedding it is tied to. */
final class MaskedLmHeadCalls {

  private MaskedLmHeadCalls() {}

  /** The expression computing head {@code node} of {@code spec} on {@code args} (checked: the tie resolves). */
  static CodeBlock of(ModelSpec spec, String node, LayerConfig.MaskedLmHeadLayer head, List<String> args) {
    TiedEmbedding tied = TiedEmbedding.resolve(spec, head.tiedTo()).embedding().orElseThrow();
    CodeBlock.Builder table = CodeBlock.builder().add("scope");
    tied.scopes().forEach(name -> table.add(".child($S)", name));
    return CodeBlock.of("new $T($L, $L, $L).call(scope.child($S), $L)", MASKED_LM_HEAD, table.build(),
        tied.vocabulary(), LayerCalls.literal(head.epsilon()), node, String.join(", ", args));
  }
}
