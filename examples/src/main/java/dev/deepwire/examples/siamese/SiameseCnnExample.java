package dev.deepwire.examples.siamese;

/** {@code siamese-cnn}: {@link SiameseFashionCnn} verifying pairs of Fashion-MNIST classes it never saw. */
public final class SiameseCnnExample extends SiameseExample<SiameseFashionCnn> {

  public SiameseCnnExample() {
    super("siamese-cnn", "Siamese CNN towers, contrastive loss: same class or not, on 5 Fashion-MNIST classes"
        + " unseen in training (ROC AUC)", SiameseFashionCnnModule::new, SiameseFashionCnn.class,
        settings -> FashionPairs.load(settings.data()), 2);
  }
}
