package dev.deepwire.processor;

import dev.deepwire.processor.check.AdversarialChecks;
import dev.deepwire.processor.check.ModelChecker;
import dev.deepwire.processor.parse.AdversarialParser;
import dev.deepwire.processor.parse.ModelParser;
import dev.deepwire.processor.report.Report;
import dev.deepwire.processor.write.AdversarialWriter;
import java.io.IOException;
import java.util.Comparator;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** Checks every {@code @Adversarial} interface and generates its {@code <Name>Gan}. */
final class AdversarialStep {

  private final ProcessingEnvironment env;
  private final Set<String> done;

  AdversarialStep(ProcessingEnvironment env, Set<String> done) {
    this.env = env;
    this.done = done;
  }

  void process(Set<? extends Element> annotated) throws IOException {
    ModelParser models = new ModelParser();
    AdversarialParser parser = new AdversarialParser(models);
    ModelChecker checker = new ModelChecker();
    DiagnosticPrinter printer = new DiagnosticPrinter(env.getMessager());
    for (TypeElement type : ElementFilter.typesIn(annotated).stream()
        .sorted(Comparator.comparing(t -> t.getQualifiedName().toString())).toList()) {
      if (!done.add(type.getQualifiedName().toString())) {
        continue;
      }
      AdversarialParser.Parsed parsed = parser.parse(type);
      printer.print(parsed.report());
      if (parsed.spec().isEmpty()) {
        continue;
      }
      Report report = new Report();
      AdversarialChecks.check(parsed.spec().get(), checker, report);
      printer.print(report);
      if (!report.hasErrors()) {
        AdversarialWriter.write(parsed.spec().get()).writeTo(env.getFiler());
      }
    }
  }
}
