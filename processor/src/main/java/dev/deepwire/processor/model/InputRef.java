package dev.deepwire.processor.model;

import javax.lang.model.element.Element;

/**
 * A reference from a layer to a layer it consumes.
 *
 * @param name the consumed layer's name
 * @param element where the reference is written (a parameter, or the field itself in sequential form),
 *     kept only to report errors on
 */
public record InputRef(String name, Element element) {}
