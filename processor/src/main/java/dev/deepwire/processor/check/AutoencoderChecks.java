package dev.deepwire.processor.check;

import dev.deepwire.processor.model.AutoencoderParts;
import dev.deepwire.processor.model.InputRef;
import dev.deepwire.processor.model.ModelSpec;
import dev.deepwire.processor.model.NodeSpec;
import dev.deepwire.processor.report.Report;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks {@code @Encoder}/{@code @Decoder} marks: the halves meet in one code, every encoder layer leads to
 * it, and the outputs after it need nothing but the code, so {@code encode(x)} and {@code decode(z)} can run.
 */
final class AutoencoderChecks {

  private AutoencoderChecks() {}

  static void check(ModelSpec spec, Report report) {
    AutoencoderParts parts = AutoencoderParts.of(spec);
    if (!parts.present()) {
      return;
    }
    List<String> candidates = parts.codeCandidates();
    if (candidates.size() != 1) {
      codeError(spec, parts, candidates, report);
      return;
    }
    String code = candidates.get(0);
    NodeSpec codeNode = spec.node(code).orElseThrow();
    if (codeNode.isInput()) {
      NodeSpec first = parts.decoder().get(0);
      report.error("Decoder.code", "@Decoder on '" + first.name() + "' needs a code computed by the model, but it"
          + " starts from @Input '" + code + "'. Mark the layers that compute the code @Encoder and start the"
          + " decoder from the last of them.", first.element());
      return;
    }
    Set<String> leadsToCode = ancestors(spec, code, null);
    leadsToCode.add(code);
    for (NodeSpec encoder : parts.encoder()) {
      if (!leadsToCode.contains(encoder.name())) {
        report.error("Encoder.contiguous", "@Encoder on '" + encoder.name() + "' needs to lead to the code '" + code
            + "', but the code does not depend on it. Remove @Encoder from '" + encoder.name() + "', or make it"
            + " part of the path to '" + code + "'.", encoder.element());
      }
    }
    for (NodeSpec output : spec.outputs()) {
      Set<String> upstream = ancestors(spec, output.name(), code);
      if (!upstream.contains(code)) {
        continue;
      }
      Optional<String> bypass = upstream.stream()
          .filter(n -> spec.node(n).map(NodeSpec::isInput).orElse(false)).sorted().findFirst();
      bypass.ifPresent(input -> report.error("Decoder.bypass", "@Output '" + output.name() + "' needs only the code '"
          + code + "' to be decoded, but it also reads @Input '" + input + "' without passing through the code."
          + " Route '" + input + "' through the encoder, or mark no decoder.", output.element()));
    }
  }

  private static void codeError(ModelSpec spec, AutoencoderParts parts, List<String> candidates, Report report) {
    if (!parts.decoder().isEmpty()) {
      Set<String> seen = new HashSet<>();
      String first = candidates.isEmpty() ? "" : candidates.get(0);
      for (NodeSpec decoder : parts.decoder()) {
        for (InputRef in : decoder.inputs()) {
          if (candidates.contains(in.name()) && !in.name().equals(first) && seen.add(in.name())) {
            report.error("Decoder.entry", "@Decoder on '" + decoder.name() + "' needs to consume only decoder layers"
                + " or the code '" + first + "', but it also consumes '" + in.name() + "'. A decoder starts from one"
                + " code so that decode(z) can run it alone; mark '" + in.name() + "' @Decoder, or feed it through"
                + " the code.", decoder.element());
          }
        }
      }
      return;
    }
    NodeSpec last = spec.node(candidates.get(candidates.size() - 1)).orElseThrow();
    report.error("Encoder.code", "@Encoder layers of '" + spec.simpleName() + "' need to end in one code, but end in "
        + candidates.stream().map(c -> "'" + c + "'").collect(Collectors.joining(" and ")) + ". Merge them with"
        + " @Concatenate marked @Encoder, or mark the layers after the code @Decoder.", last.element());
  }

  /** The nodes {@code from} depends on, not looking past {@code stop} (kept in the result). */
  private static Set<String> ancestors(ModelSpec spec, String from, String stop) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    spec.node(from).ifPresent(n -> n.inputs().forEach(in -> todo.push(in.name())));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (seen.add(name) && !name.equals(stop)) {
        spec.node(name).ifPresent(n -> n.inputs().forEach(in -> todo.push(in.name())));
      }
    }
    return seen;
  }
}
