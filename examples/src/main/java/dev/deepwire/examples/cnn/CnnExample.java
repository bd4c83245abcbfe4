package dev.deepwire.examples.cnn;

import dev.deepwire.examples.FashionClassifierExample;

/** {@code cnn}: the convolutional network {@link FashionCnn} on Fashion-MNIST. */
public final class CnnExample extends FashionClassifierExample<FashionCnn> {

  public CnnExample() {
    super("cnn", "CNN (conv 32, max-pool, conv 64, max-pool, dense 128, dropout, softmax) on Fashion-MNIST",
        FashionCnnModule::new, FashionCnn.class);
  }
}
