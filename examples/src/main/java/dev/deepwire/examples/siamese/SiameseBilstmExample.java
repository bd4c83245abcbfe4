package dev.deepwire.examples.siamese;

/** {@code siamese-bilstm}: {@link SiameseWordBilstm} on the pairs of {@code siamese-lstm}. */
public final class SiameseBilstmExample extends SiameseExample<SiameseWordBilstm> {

  public SiameseBilstmExample() {
    super("siamese-bilstm", "Siamese bidirectional-LSTM towers over letters, contrastive loss: are two CMUdict"
        + " words homophones? (ROC AUC)", SiameseWordBilstmModule::new, SiameseWordBilstm.class,
        settings -> CmuHomophones.load(settings.data()), 10);
  }
}
