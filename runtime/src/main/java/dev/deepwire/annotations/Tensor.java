package dev.deepwire.annotations;

/**
 * The symbolic value of one layer in a model declaration: the type of annotated fields (sequential form)
 * and of abstract methods and their parameters (graph form). It holds no data; the processor reads the
 * declaration and generates the TensorFlow graph that computes it.
 */
public interface Tensor {}
