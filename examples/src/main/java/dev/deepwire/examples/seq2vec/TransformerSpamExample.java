package dev.deepwire.examples.seq2vec;

/** {@code transformer-spam}: the BERT-style encoder {@link SpamTransformer}, from scratch, on SpamAssassin. */
public final class TransformerSpamExample extends SpamExample<SpamTransformer> {

  public TransformerSpamExample() {
    super("transformer-spam",
        "embedding + learned positions + 2 transformer blocks + mean pooling classifying SpamAssassin mails",
        SpamTransformerModule::new, SpamTransformer.class);
  }
}
