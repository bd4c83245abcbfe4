package dev.deepwire.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * A parsed {@code @Adversarial} declaration.
 *
 * @param generator the model of {@code generator()}
 * @param discriminator the model of {@code discriminator()}
 * @param generatorMember the {@code generator()} method, kept only to report errors on
 * @param discriminatorMember the {@code discriminator()} method, kept only to report errors on
 */
public record AdversarialSpec(
    String packageName,
    String simpleName,
    ModelSpec generator,
    ModelSpec discriminator,
    int discriminatorSteps,
    int generatorSteps,
    Element generatorMember,
    Element discriminatorMember,
    TypeElement element,
    AnnotationMirror annotation) {}
