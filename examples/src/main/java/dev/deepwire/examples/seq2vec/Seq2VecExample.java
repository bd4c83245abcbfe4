package dev.deepwire.examples.seq2vec;

/** {@code seq2vec}: the GRU mail classifier {@link SpamClassifier} on SpamAssassin ham and spam. */
public final class Seq2VecExample extends SpamExample<SpamClassifier> {

  public Seq2VecExample() {
    super("seq2vec", "embedding + GRU classifying SpamAssassin mails as spam or ham from their first 80 words",
        SpamClassifierModule::new, SpamClassifier.class);
  }
}
