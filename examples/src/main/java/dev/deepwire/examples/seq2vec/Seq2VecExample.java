package dev.deepwire.examples.seq2vec;

import com.google.inject.Module;

/** {@code seq2vec}: the GRU mail classifier {@link SpamClassifier} on SpamAssassin ham and spam. */
public final class Seq2VecExample extends SpamExample<SpamClassifier> {

  public Seq2VecExample() {
    super(SpamClassifier.class);
  }

  @Override
  Module module() {
    return new SpamClassifierModule();
  }

  @Override
  public String name() {
    return "seq2vec";
  }

  @Override
  public String description() {
    return "embedding + GRU classifying SpamAssassin mails as spam or ham from their first 80 words";
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
