package dev.deepwire.examples.siamese;

/** {@code siamese-lstm}: {@link SiameseWordLstm} telling CMUdict homophones from near-miss spellings. */
public final class SiameseLstmExample extends SiameseExample<SiameseWordLstm> {

  public SiameseLstmExample() {
    super("siamese-lstm", "Siamese LSTM towers over letters, contrastive loss: are two CMUdict words homophones?"
        + " (ROC AUC)", SiameseWordLstmModule::new, SiameseWordLstm.class,
        settings -> CmuHomophones.load(settings.data()), 10);
  }
}
