package dev.deepwire.processor;

import com.google.auto.service.AutoService;
import dev.deepwire.processor.check.CheckedModel;
import dev.deepwire.processor.check.ModelChecker;
import dev.deepwire.processor.parse.ModelParser;
import dev.deepwire.processor.parse.ParsedModel;
import dev.deepwire.processor.write.GraphWriter;
import dev.deepwire.processor.write.ModuleWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Checks every {@code @Model} type and generates its {@code <Name>Graph} and {@code <Name>Module}.
 *
 * <p>Registered as a Gradle <em>isolating</em> processor: each generated file has exactly one originating
 * element, the model type, and every other type it reads (sub-models) is reached through that type's member
 * types, which Gradle tracks as compile dependencies of the model's source.
 */
@AutoService(Processor.class)
public final class DeepwireProcessor extends AbstractProcessor {

  private final Set<String> done = new HashSet<>();
  private final Set<String> doneAdversarial = new HashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(AnnotationNames.MODEL, AnnotationNames.ADVERSARIAL);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      TypeElement model = processingEnv.getElementUtils().getTypeElement(AnnotationNames.MODEL);
      if (model != null) {
        processModels(round, model);
      }
      TypeElement adversarial = processingEnv.getElementUtils().getTypeElement(AnnotationNames.ADVERSARIAL);
      if (adversarial != null) {
        new AdversarialStep(processingEnv, doneAdversarial).process(round.getElementsAnnotatedWith(adversarial));
      }
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "[Deepwire/Internal] The Deepwire processor failed; please report this with the model that caused it: "
              + trace);
    }
    return false;
  }

  private void processModels(RoundEnvironment round, TypeElement annotation) throws IOException {
    List<TypeElement> types = ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation)).stream()
        .sorted(Comparator.comparing(t -> t.getQualifiedName().toString()))
        .toList();
    ModelParser parser = new ModelParser();
    ModelChecker checker = new ModelChecker();
    DiagnosticPrinter printer = new DiagnosticPrinter(processingEnv.getMessager());
    for (TypeElement type : types) {
      if (!done.add(type.getQualifiedName().toString())) {
        continue;
      }
      ParsedModel parsed = parser.parse(type);
      printer.print(parsed.report());
      if (parsed.report().hasErrors()) {
        continue;
      }
      CheckedModel checked = checker.check(parsed.spec());
      printer.print(checked.report());
      if (checked.report().hasErrors()) {
        continue;
      }
      GraphWriter.write(checked).writeTo(processingEnv.getFiler());
      ModuleWriter.write(parsed.spec()).writeTo(processingEnv.getFiler());
    }
  }
}
