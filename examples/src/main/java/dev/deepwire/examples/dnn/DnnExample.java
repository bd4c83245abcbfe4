package dev.deepwire.examples.dnn;

import dev.deepwire.examples.FashionClassifierExample;

/** {@code dnn}: the deep MLP {@link FashionDnn} on Fashion-MNIST. */
public final class DnnExample extends FashionClassifierExample<FashionDnn> {

  public DnnExample() {
    super("dnn", "deep MLP (3 hidden layers: ReLU, leaky ReLU, ReLU; dropout; softmax) on Fashion-MNIST",
        FashionDnnModule::new, FashionDnn.class);
  }
}
