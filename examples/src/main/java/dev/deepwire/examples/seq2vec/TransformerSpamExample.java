package dev.deepwire.examples.seq2vec;

import com.google.inject.Module;

/** {@code transformer-spam}: the BERT-style encoder {@link SpamTransformer}, from scratch, on SpamAssassin. */
public final class TransformerSpamExample extends SpamExample<SpamTransformer> {

  public TransformerSpamExample() {
    super(SpamTransformer.class);
  }

  @Override
  Module module() {
    return new SpamTransformerModule();
  }

  @Override
  public String name() {
    return "transformer-spam";
  }

  @Override
  public String description() {
    return "embedding + learned positions + 2 transformer blocks + mean pooling classifying SpamAssassin mails";
  }

  @Override
  public int defaultEpochs() {
    return 6;
  }

  @Override
  public int defaultBatchSize() {
    return 32;
  }
}
