package dev.deepwire.examples.siamese;

/** {@code siamese-capsnet}: {@link SiameseFashionCapsNet} on the pairs of {@code siamese-cnn}. */
public final class SiameseCapsNetExample extends SiameseExample<SiameseFashionCapsNet> {

  public SiameseCapsNetExample() {
    super("siamese-capsnet", "Siamese capsule-network towers, contrastive loss, on the unseen-class Fashion-MNIST"
        + " pairs of siamese-cnn (ROC AUC)", SiameseFashionCapsNetModule::new, SiameseFashionCapsNet.class,
        settings -> FashionPairs.load(settings.data()), 5);
  }
}
