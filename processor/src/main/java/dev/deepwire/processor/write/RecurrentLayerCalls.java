package dev.deepwire.processor.write;

import static dev.deepwire.processor.TypeNames.ACTIVATION_FUNCTION;
import static dev.deepwire.processor.TypeNames.BIDIRECTIONAL;
import static dev.deepwire.processor.TypeNames.EMBEDDING;
import static dev.deepwire.processor.TypeNames.FINAL_STATE;
import static dev.deepwire.processor.TypeNames.GRU_CELL;
import static dev.deepwire.processor.TypeNames.LIST;
import static dev.deepwire.processor.TypeNames.LSTM_CELL;
import static dev.deepwire.processor.TypeNames.MASKING;
import static dev.deepwire.processor.TypeNames.MERGE;
import static dev.deepwire.processor.TypeNames.RECURRENT;
import static dev.deepwire.processor.TypeNames.SIMPLE_RNN_CELL;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.deepwire.processor.model.LayerConfig;
import java.util.List;

/** Writes the call of a sequence layer's runtime object (recurrent, embedding, masking, final state). */
final class RecurrentLayerCalls {

  private RecurrentLayerCalls() {}

  /**
   * The call of the layer on {@code args}: the input, then for a recurrent layer its initial states (passed as a
   * list).
   */
  static CodeBlock call(LayerConfig layer, CodeBlock scope, List<String> args) {
    if (args.size() > 1) {
      return CodeBlock.of("$L.call($L, $L, $T.of($L))", of(layer), scope, args.get(0), LIST,
          String.join(", ", args.subList(1, args.size())));
    }
    return CodeBlock.of("$L.call($L, $L)", of(layer), scope, String.join(", ", args));
  }

  private static CodeBlock of(LayerConfig layer) {
    if (layer instanceof LayerConfig.RecurrentLayer rnn) {
      CodeBlock recurrent = rnn.returnSequences()
          ? CodeBlock.of("new $T($L, true, false)", RECURRENT, cell(rnn))
          : CodeBlock.of("new $T($L)", RECURRENT, cell(rnn));
      if (rnn.truncate() > 0) {
        recurrent = CodeBlock.of("$L.truncated($L)", recurrent, rnn.truncate());
      }
      return rnn.merge().isEmpty() ? recurrent
          : CodeBlock.of("new $T($L, $T.$L)", BIDIRECTIONAL, recurrent, MERGE, rnn.merge());
    } else if (layer instanceof LayerConfig.EmbeddingLayer emb) {
      return CodeBlock.of("new $T($L, $L, $L)", EMBEDDING, emb.vocabulary(), emb.dimension(), emb.maskZero());
    } else if (layer instanceof LayerConfig.MaskingLayer masking) {
      return CodeBlock.of("new $T($L)", MASKING, LayerCalls.literal(masking.value()));
    } else if (layer instanceof LayerConfig.FinalStateLayer state) {
      return CodeBlock.of("new $T($L)", FINAL_STATE, state.index());
    }
    throw new IllegalArgumentException("not a sequence layer: " + layer);
  }

  /** The cell, with the short constructor when every setting is the annotation's default. */
  private static CodeBlock cell(LayerConfig.RecurrentLayer rnn) {
    return switch (rnn.kind()) {
      case "SIMPLE_RNN" -> CodeBlock.of("new $T($L, $T.$L, $L)", SIMPLE_RNN_CELL, rnn.units(), ACTIVATION_FUNCTION,
          rnn.activation(), rnn.useBias());
      case "LSTM" -> gated(LSTM_CELL, rnn, rnn.unitForgetBias());
      default -> gated(GRU_CELL, rnn, rnn.resetAfter());
    };
  }

  /** An LSTM or GRU cell; {@code last} is unitForgetBias or resetAfter, both true by default. */
  private static CodeBlock gated(ClassName type, LayerConfig.RecurrentLayer rnn, boolean last) {
    boolean defaults = rnn.activation().equals("TANH") && rnn.recurrentActivation().equals("SIGMOID")
        && rnn.useBias() && last;
    if (defaults) {
      return CodeBlock.of("new $T($L)", type, rnn.units());
    }
    return CodeBlock.of("new $T($L, $T.$L, $T.$L, $L, $L)", type, rnn.units(), ACTIVATION_FUNCTION, rnn.activation(),
        ACTIVATION_FUNCTION, rnn.recurrentActivation(), rnn.useBias(), last);
  }
}
