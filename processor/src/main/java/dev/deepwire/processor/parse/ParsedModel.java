package dev.deepwire.processor.parse;

import dev.deepwire.processor.model.ModelSpec;
import dev.deepwire.processor.report.Report;

/** A parsed model with the misuses found while parsing; check or write it only when the report is clean. */
public record ParsedModel(ModelSpec spec, Report report) {}
