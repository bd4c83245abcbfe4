package dev.deepwire.processor.parse;

import static dev.deepwire.processor.AnnotationNames.ADVERSARIAL;
import static dev.deepwire.processor.AnnotationNames.MODEL;

import com.google.auto.common.MoreElements;
import dev.deepwire.processor.model.AdversarialSpec;
import dev.deepwire.processor.report.Report;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/** Parses an {@code @Adversarial} interface: its {@code generator()} and {@code discriminator()} models. */
public final class AdversarialParser {

  /** The parse: the spec when both members name valid models, and what went wrong otherwise. */
  public record Parsed(Optional<AdversarialSpec> spec, Report report) {}

  private final ModelParser models;

  public AdversarialParser(ModelParser models) {
    this.models = models;
  }

  public Parsed parse(TypeElement type) {
    Report report = new Report();
    AnnotationMirror annotation = type.getAnnotationMirrors().stream()
        .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(ADVERSARIAL))
        .findFirst().map(m -> (AnnotationMirror) m).orElseThrow();
    String name = type.getSimpleName().toString();
    if (type.getKind() != ElementKind.INTERFACE) {
      report.error("Adversarial.kind", "@Adversarial on '" + name + "' needs an interface, but found "
          + type.getKind().name().toLowerCase() + ". Declare " + name + " as an interface with generator() and"
          + " discriminator().", type, annotation, "");
      return new Parsed(Optional.empty(), report);
    }
    Optional<ExecutableElement> generator = member(type, "generator", annotation, report);
    Optional<ExecutableElement> discriminator = member(type, "discriminator", annotation, report);
    AnnotationReader r = new AnnotationReader(annotation);
    int dSteps = steps(r, "discriminatorSteps", name, type, annotation, report);
    int gSteps = steps(r, "generatorSteps", name, type, annotation, report);
    if (generator.isEmpty() || discriminator.isEmpty() || report.hasErrors()) {
      return new Parsed(Optional.empty(), report);
    }
    ParsedModel g = models.parse(modelType(generator.get()));
    ParsedModel d = models.parse(modelType(discriminator.get()));
    return new Parsed(Optional.of(new AdversarialSpec(MoreElements.getPackage(type).getQualifiedName().toString(), name,
        g.spec(), d.spec(), dSteps, gSteps, generator.get(), discriminator.get(), type, annotation)), report);
  }

  private static Optional<ExecutableElement> member(TypeElement type, String role, AnnotationMirror annotation,
      Report report) {
    Optional<ExecutableElement> method = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals(role) && m.getParameters().isEmpty())
        .findFirst();
    String name = type.getSimpleName().toString();
    if (method.isEmpty()) {
      report.error("Adversarial.member", "@Adversarial on '" + name + "' needs a method '" + role + "()' returning a"
          + " @Model class, but found none. Add e.g. 'MyGenerator " + role + "();'.", type, annotation, "");
    } else if (modelType(method.get()) == null) {
      report.error("Adversarial.member", "'" + role + "()' of @Adversarial '" + name + "' needs to return a @Model"
          + " class, but returns " + method.get().getReturnType() + ". Return the " + role + "'s @Model class.",
          method.get());
      return Optional.empty();
    }
    return method;
  }

  private static int steps(AnnotationReader r, String attribute, String name, TypeElement type,
      AnnotationMirror annotation, Report report) {
    int steps = r.intValue(attribute);
    if (steps < 1) {
      report.error("Adversarial." + attribute, "@Adversarial on '" + name + "' needs " + attribute + " >= 1, but"
          + " found " + attribute + " = " + steps + ". Use 1 for alternating single updates.", type, annotation,
          attribute);
    }
    return steps;
  }

  private static TypeElement modelType(ExecutableElement method) {
    if (method.getReturnType().getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) method.getReturnType()).asElement();
    boolean model = element.getAnnotationMirrors().stream()
        .anyMatch(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(MODEL));
    return model ? element : null;
  }
}
