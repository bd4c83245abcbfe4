package dev.deepwire.serving.internal;

import java.util.Map;

/**
 * A predict request read against a signature.
 *
 * @param rowFormat whether it came as {@code instances} (answered with {@code predictions}) rather than
 *     {@code inputs} (answered with {@code outputs})
 * @param inputs a tensor per signature input, all with {@code rows} rows
 */
public record PredictRequest(boolean rowFormat, Map<String, TensorValue> inputs, int rows) {}
