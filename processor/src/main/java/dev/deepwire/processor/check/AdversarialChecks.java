package dev.deepwire.processor.check;

import dev.deepwire.processor.model.AdversarialSpec;
import dev.deepwire.processor.model.ModelSpec;
import dev.deepwire.processor.report.Report;
import dev.deepwire.processor.shape.Shape;

/**
 * Checks that a GAN's two models fit: each has one input and one output, the generator makes what the
 * discriminator takes, and the discriminator gives one score per example.
 */
public final class AdversarialChecks {

  private AdversarialChecks() {}

  /** Adds the misfits of {@code spec} to {@code report}; models with errors of their own are skipped. */
  public static void check(AdversarialSpec spec, ModelChecker checker, Report report) {
    CheckedModel g = checker.check(spec.generator());
    CheckedModel d = checker.check(spec.discriminator());
    if (g.report().hasErrors() || d.report().hasErrors()) {
      return; // reported on the models themselves
    }
    boolean single = single(spec, g.spec(), "generator", report) & single(spec, d.spec(), "discriminator", report);
    if (!single) {
      return;
    }
    Shape made = g.shapes().get(g.spec().outputs().get(0).name());
    Shape taken = d.shapes().get(d.spec().inputs().get(0).name());
    if (!made.equals(taken)) {
      report.error("Adversarial.shapes", "discriminator() of @Adversarial '" + spec.simpleName() + "' needs to take"
          + " what the generator makes, but " + d.spec().simpleName() + " takes " + taken + " and "
          + g.spec().simpleName() + " makes " + made + ". Make the shapes agree.", spec.discriminatorMember());
      return;
    }
    Shape score = d.shapes().get(d.spec().outputs().get(0).name());
    if (score.size() != 1) {
      report.error("Adversarial.score", "discriminator() of @Adversarial '" + spec.simpleName() + "' needs one score"
          + " per example, but " + d.spec().simpleName() + " outputs " + score + ". End it with"
          + " @Dense(units = 1, activation = SIGMOID).", spec.discriminatorMember());
    }
  }

  private static boolean single(AdversarialSpec spec, ModelSpec model, String role, Report report) {
    if (model.inputs().size() == 1 && model.outputs().size() == 1) {
      return true;
    }
    report.error("Adversarial." + role, role + "() of @Adversarial '" + spec.simpleName() + "' needs a model with one"
        + " @Input and one @Output, but " + model.simpleName() + " has " + model.inputs().size() + " and "
        + model.outputs().size() + ".", role.equals("generator") ? spec.generatorMember() : spec.discriminatorMember());
    return false;
  }
}
